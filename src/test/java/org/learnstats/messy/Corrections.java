package org.learnstats.messy;

import java.math.BigDecimal;
import java.util.List;

import org.learnstats.messy.ExportTable.Row;
import org.learnstats.messy.ExportTable.Word;

/**
 * Corrections: a night sends again some of the previous night's sign-ins with another status, and
 * training records with other credits; the later file replaces the keys it repeats (spec 2.2).
 */
final class Corrections {

	private Corrections() {
	}

	static void addTo(ExportTable attendance, List<Row> previousAttendance, ExportTable training,
			List<Row> previousTraining) {
		for (int i = 0; i < previousAttendance.size() && i < 40; i += 4) {
			Row r = previousAttendance.get(i).copy();
			String status = ((Word) r.values.get("status")).canonical();
			r.put("status", new Word(status.equals("present") ? "absent" : "present"));
			attendance.rows().add(r);
		}
		for (int i = 0; i < previousTraining.size() && i < 9; i += 3) {
			Row r = previousTraining.get(i).copy();
			r.put("credits", ((BigDecimal) r.values.get("credits")).add(BigDecimal.ONE));
			training.rows().add(r);
		}
	}

}
