package org.learnstats.messy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.learnstats.messy.ExportTable.Row;
import org.learnstats.messy.ExportTable.Word;

/**
 * A seeded, reproducible inbox of a {@link MessyOrg} delivered as a sequence of nights: each
 * night every committee sends its units' registers and the events since the last night in one of
 * the six {@link Style}s (so every encoding and delimiter, both header languages, shuffled,
 * extra and repeated columns, CRLF and LF, quoted delimiters and line breaks), and every night
 * also holds:
 * <ul>
 * <li>rows of every row-level reject reason ({@link RejectRows}), and UNKNOWN_PERSON sign-ins;</li>
 * <li>corrections: the previous night's sessions sent again with changed statuses, credits;</li>
 * <li>an exact re-delivery of an earlier file under another name, and one within the night;</li>
 * <li>quarantined files of every file-level reason ({@link Quarantined});</li>
 * <li>Excel workbooks, .xlsx and .xls, with title, blank and total rows, two sheets of two kinds in
 * one workbook, typed and text cells ({@link #exports}, {@link ExcelExport}).</li>
 * </ul>
 * The as-of dates put quarter ends and a year end among the nights, so quarters close during the
 * sequence. Every night's rejects are judged the same whatever night reads them (unknown units
 * and surveys never appear, future dates lie in 2099), so one run of all nights at once gives the
 * same store. {@link Hostile} files are added only when asked for.
 */
public final class MessyInbox {

	public static final List<LocalDate> NIGHTS = List.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30),
			LocalDate.of(2025, 10, 9), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31),
			LocalDate.of(2026, 5, 20));

	static final LocalDate START = LocalDate.of(2025, 1, 1);

	private final long seed;

	private final Set<Hostile> hostile;

	private final MessyOrg org;

	/**
	 * @param seed the same seed gives the same bytes
	 * @param committees how many committees (1 to 4) the organization has: 3 make two roots and 23
	 * units, 1 a single committee of 7 units
	 * @param hostile the hostile cases to add to the first night
	 */
	public MessyInbox(long seed, int committees, Set<Hostile> hostile) {
		this.seed = seed;
		this.hostile = hostile.isEmpty() ? EnumSet.noneOf(Hostile.class) : EnumSet.copyOf(hostile);
		this.org = new MessyOrg(seed, committees);
	}

	/** The plain messy organization (two roots, 23 units), without hostile files. */
	public static MessyInbox plain(long seed) {
		return new MessyInbox(seed, 3, Set.of());
	}

	public List<Night> nights() {
		List<Night> nights = new ArrayList<>();
		List<Delivery> earlier = new ArrayList<>();
		List<Row> previousAttendance = new ArrayList<>();
		List<Row> previousTraining = new ArrayList<>();
		for (int n = 0; n < NIGHTS.size(); n++) {
			LocalDate asOf = NIGHTS.get(n);
			LocalDate from = n == 0 ? START : NIGHTS.get(n - 1).plusDays(1);
			String day = asOf.toString();
			List<Delivery> files = new ArrayList<>();
			files.add(unitsRegister(n, day));
			List<Row> attendanceNow = new ArrayList<>();
			List<Row> trainingNow = new ArrayList<>();
			for (int c = 0; c < this.org.committees.size(); c++) {
				String committee = this.org.committees.get(c);
				Activity a = new Activity(this.org, this.seed * 31 + n * 7L + c, committee, n, from, asOf);
				String dir = committee + "/" + day + "/";
				ExportTable people = people(committee, n);
				ExportTable attendance = table(a.attendance, "unit_code", "session_id", "session_date", "session_type",
						"duration_hours", "person_id", "status");
				ExportTable training = table(a.training, "unit_code", "record_id", "person_id", "course_name",
						"course_type", "credits", "completed_on");
				if (c == 0) {
					RejectRows.addTo(attendance, training, n, day);
					Corrections.addTo(attendance, previousAttendance, training, previousTraining);
				}
				if (c == 0) {
					attendanceNow.addAll(a.attendance);
					trainingNow.addAll(a.training);
				}
				ExportTable research = table(a.research, "unit_code", "trip_id", "person_id", "start_date", "end_date",
						"topic", "report_submitted");
				ExportTable surveys = table(a.surveys, "unit_code", "survey_id", "title", "opened_on", "distributed");
				ExportTable responses = table(a.responses, "unit_code", "survey_id", "response_id", "submitted_on", "q1",
						"q2", "q3", "suggestion");
				if (c == 0) {
					RejectRows.addTo(research, surveys, responses, day);
				}
				List<ExportTable> tables = List.of(people, attendance, training, research, surveys, responses);
				files.addAll(exports(dir, tables, c, n, asOf));
			}
			// an exact copy of an earlier night's file, and one of tonight's, under other names
			if (!earlier.isEmpty()) {
				files.add(resend(earlier.get((n * 5) % earlier.size()), "resend/" + day + "/重发-" + n + ".csv"));
			}
			files.add(resend(files.get(3), "resend/" + day + "/copy of attendance.CSV"));
			files.addAll(Quarantined.files(n, day));
			for (Hostile h : this.hostile) {
				if (h.night() == n) {
					files.addAll(h.deliveries(day));
				}
			}
			earlier.addAll(files.stream().filter((d) -> d.bytes() != null).toList());
			previousAttendance = attendanceNow;
			previousTraining = trainingNow;
			nights.add(new Night(asOf, List.copyOf(files)));
		}
		return nights;
	}

	static final String[] NAMES = { "人员名册.csv", "学习考勤.csv", "training.tsv", "调研.txt", "问卷发放.csv", "答卷.csv" };

	static final String[] TITLES = { "人员名册", "学习考勤表", "学习培训登记表", "调查研究情况表", "问卷发放情况表", "问卷答卷汇总表" };

	static final String[] SHEETS = { "人员", "考勤", "培训", "调研", "问卷", "答卷" };

	/**
	 * A committee's exports of one night (people, attendance, training, research, surveys,
	 * responses), each a text file but one, which the committee's office writes as a workbook: the
	 * kind rotates with the night and the committee, .xlsx and .xls alternate so that every night
	 * holds both. The first committee's workbook has a title row and a blank row above the header,
	 * the second's a 合计 total row, the third puts two kinds into two sheets of one workbook (the
	 * first with a total row, the second with a title); dates and yes/no are typed cells in some
	 * sheets and the office's text in others.
	 */
	private List<Delivery> exports(String dir, List<ExportTable> tables, int c, int night, LocalDate asOf) {
		int excel = (night + 2 * c) % tables.size();
		int second = c % 3 == 2 ? (excel + 1) % tables.size() : -1;
		boolean xlsx = (night + c) % 2 == 0;
		String ext = xlsx ? ".xlsx" : ".xls";
		List<Delivery> files = new ArrayList<>();
		for (int k = 0; k < tables.size(); k++) {
			String path = dir + NAMES[k];
			if (k == second) {
				continue;
			}
			if (k != excel) {
				files.add(write(path, tables.get(k), c, k + 1, night));
				continue;
			}
			String base = path.substring(0, path.lastIndexOf('.'));
			String title = asOf.getYear() + "年第" + "一二三四".charAt((asOf.getMonthValue() - 1) / 3) + "季度"
					+ TITLES[k];
			List<ExcelExport.SheetSpec> sheets = switch (c % 3) {
				case 0 -> List.of(sheet("Sheet1", tables, k, path, c, night, title, false, night % 2 == 0));
				case 1 -> List.of(sheet("Sheet1", tables, k, path, c, night, null, true, night % 2 == 1));
				default -> {
					base = dir + "学习台账";
					yield List.of(sheet(SHEETS[k], tables, k, path, c, night, null, true, true),
							sheet(SHEETS[second], tables, second, dir + NAMES[second], c, night,
									asOf.getYear() + "年" + TITLES[second], false, false));
				}
			};
			files.add(Delivery.file(base + ext, ExcelExport.write(xlsx, sheets)));
		}
		return files;
	}

	private static ExcelExport.SheetSpec sheet(String name, List<ExportTable> tables, int k, String path, int c,
			int night, String title, boolean total, boolean typed) {
		return new ExcelExport.SheetSpec(name, tables.get(k), style(c, k + 1, night), path.hashCode(), title, total,
				typed);
	}

	/**
	 * A re-delivery under another name; a workbook keeps its extension and its file name at the end
	 * of the new one ("重发-1-学习台账.xlsx"), so that a reader can tell which kinds it holds.
	 */
	private static Delivery resend(Delivery d, String path) {
		if (ExcelExport.isWorkbook(d.path())) {
			return d.renamed(path.substring(0, path.lastIndexOf('.')) + "-" + d.path().substring(d.path().lastIndexOf('/') + 1));
		}
		return d.renamed(path);
	}

	private Delivery unitsRegister(int night, String day) {
		ExportTable t = new ExportTable("unit_code", "unit_name", "parent_code", "unit_type");
		// children before parents: units of the same file count as known
		List<MessyOrg.Unit> units = new ArrayList<>(this.org.units);
		java.util.Collections.reverse(units);
		for (MessyOrg.Unit u : units) {
			if (u.fromNight() <= night) {
				t.add(new Row().put("unit_code", u.code())
					.put("unit_name", u.name())
					.put("parent_code", u.parent())
					.put("unit_type", new Word(u.type())));
			}
		}
		for (Hostile h : this.hostile) {
			if (h.night() == night) {
				h.units().forEach(t::add);
			}
		}
		RejectRows.addTo(t, day);
		return write("SZ/" + day + "/机构设置.csv", t, 0, 0, night);
	}

	private ExportTable people(String committee, int night) {
		ExportTable t = new ExportTable("person_id", "name", "unit_code", "rank", "education", "birth_date", "joined_on",
				"left_on", "in_degree_program");
		for (MessyOrg.Unit u : this.org.unitsOf(committee, night)) {
			for (MessyOrg.Person p : this.org.membersOf(u.code())) {
				if (p.listedFromNight <= night) {
					t.add(new Row().put("person_id", p.id)
						.put("name", p.name)
						.put("unit_code", p.unit)
						.put("rank", new Word(p.rankAt(night)))
						.put("education", new Word(p.education))
						.put("birth_date", p.birth)
						.put("joined_on", p.joined)
						.put("left_on", p.left)
						.put("in_degree_program", p.degreeProgram));
				}
			}
		}
		if (committee.equals("SZ")) {
			RejectRows.addPeople(t, night);
		}
		return t;
	}

	private static ExportTable table(List<Row> rows, String... columns) {
		ExportTable t = new ExportTable(columns);
		rows.forEach(t::add);
		return t;
	}

	private static Delivery write(String path, ExportTable t, int committee, int kind, int night) {
		return Delivery.file(path, t.render(style(committee, kind, night), path.hashCode()));
	}

	private static Style style(int committee, int kind, int night) {
		return Style.ALL.get((committee + kind + night) % Style.ALL.size());
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
