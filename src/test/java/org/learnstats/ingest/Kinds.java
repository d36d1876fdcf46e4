package org.learnstats.ingest;

import java.util.List;

import org.learnstats.ingest.attendance.AttendanceExport;
import org.learnstats.ingest.people.PeopleExport;
import org.learnstats.ingest.research.ResearchExport;
import org.learnstats.ingest.responses.ResponsesExport;
import org.learnstats.ingest.surveys.SurveysExport;
import org.learnstats.ingest.training.TrainingExport;
import org.learnstats.ingest.units.UnitsExport;

/** The seven kinds, as the application context has them. */
public final class Kinds {

	public static final List<ExportKind> ALL = List.of(new UnitsExport(), new PeopleExport(), new SurveysExport(),
			new AttendanceExport(), new TrainingExport(), new ResearchExport(), new ResponsesExport());

	private Kinds() {
	}

}
