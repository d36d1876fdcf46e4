package org.learnstats.messy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.learnstats.messy.ExportTable.Row;
import org.learnstats.messy.ExportTable.Word;

/**
 * The good rows one committee's units deliver for one window of days (the days since the
 * previous night, up to the night's as-of date): branch study, central group sessions and
 * lectures with sign-ins, training credits, research trips, a survey and its responses.
 */
final class Activity {

	static final String[] STATUS = { "present", "present", "present", "present", "present", "present", "late",
			"excused", "absent", "present" };

	static final String[] COURSE = { "online", "classroom", "lecture", "degree", "other" };

	private final MessyOrg org;

	private final Random rnd;

	private final String committee;

	private final int night;

	private final LocalDate from;

	private final LocalDate to;

	final List<Row> attendance = new ArrayList<>();

	final List<Row> training = new ArrayList<>();

	final List<Row> research = new ArrayList<>();

	final List<Row> surveys = new ArrayList<>();

	final List<Row> responses = new ArrayList<>();

	Activity(MessyOrg org, long seed, String committee, int night, LocalDate from, LocalDate to) {
		this.org = org;
		this.rnd = new Random(seed);
		this.committee = committee;
		this.night = night;
		this.from = from;
		this.to = to;
		for (MessyOrg.Unit u : org.unitsOf(committee, night)) {
			switch (u.type()) {
				case "branch" -> branchStudy(u);
				case "committee" -> centralGroup(u);
				default -> lectures(u);
			}
		}
		for (MessyOrg.Unit u : org.unitsOf(committee, night)) {
			for (MessyOrg.Person p : org.membersOf(u.code())) {
				training(p);
				research(p);
			}
		}
		survey();
	}

	private String tag() {
		return this.to.toString().replace("-", "");
	}

	private void branchStudy(MessyOrg.Unit branch) {
		List<MessyOrg.Person> members = this.org.membersOf(branch.parent());
		int s = 0;
		for (LocalDate month = this.from.withDayOfMonth(1); !month.isAfter(this.to); month = month.plusMonths(1)) {
			int sessions = this.rnd.nextInt(5) == 0 ? 1 : 2;
			for (int i = 0; i < sessions; i++) {
				LocalDate d = within(month.plusDays(3 + i * 12L));
				if (d != null) {
					session(branch.code(), "B" + tag() + "-" + (++s), d, "branch_study", "2", members);
				}
			}
		}
	}

	private void centralGroup(MessyOrg.Unit committee) {
		List<MessyOrg.Person> members = new ArrayList<>(this.org.membersOf(committee.code()));
		for (MessyOrg.Unit u : this.org.unitsOf(committee.code(), this.night)) {
			if (u.type().equals("office")) {
				members.addAll(this.org.membersOf(u.code()).stream().filter((p) -> p.rank.equals("division")).toList());
			}
		}
		int s = 0;
		for (LocalDate month = this.from.withDayOfMonth(1); !month.isAfter(this.to); month = month.plusMonths(1)) {
			LocalDate d = within(month.plusDays(9));
			if (d != null && this.rnd.nextInt(6) > 0) {
				String hours = this.rnd.nextInt(4) == 0 ? "3.5" : "6";
				session(committee.code(), "C" + tag() + "-" + (++s), d, "central_group", hours, members);
			}
		}
	}

	private void lectures(MessyOrg.Unit office) {
		LocalDate d = within(this.to.minusDays(12).with(DayOfWeek.FRIDAY));
		if (d != null) {
			String type = this.rnd.nextBoolean() ? "lecture" : "study_day";
			session(office.code(), "L" + tag(), d, type, "1.5", this.org.membersOf(office.code()));
		}
	}

	private void session(String unit, String id, LocalDate date, String type, String hours,
			List<MessyOrg.Person> members) {
		for (MessyOrg.Person p : members) {
			if (!p.activeOn(date)) {
				continue;
			}
			this.attendance.add(new Row().put("unit_code", unit)
				.put("session_id", id)
				.put("session_date", date)
				.put("session_type", new Word(type))
				.put("duration_hours", hours)
				.put("person_id", p.id)
				.put("status", new Word(STATUS[this.rnd.nextInt(STATUS.length)])));
		}
	}

	private void training(MessyOrg.Person p) {
		if (!p.activeOn(this.to) || this.rnd.nextInt(3) == 0) {
			return;
		}
		int n = 1 + this.rnd.nextInt(2);
		for (int i = 0; i < n; i++) {
			LocalDate d = between(this.from, this.to);
			String name = this.rnd.nextInt(5) == 0 ? "习近平新时代中国特色社会主义思想, 专题" + (i + 1) : "网络课程第" + (i + 1) + "讲";
			this.training.add(new Row().put("unit_code", p.unit)
				.put("record_id", "T" + tag() + "-" + p.id + "-" + i)
				.put("person_id", p.id)
				.put("course_name", name)
				.put("course_type", new Word(COURSE[this.rnd.nextInt(COURSE.length)]))
				.put("credits", BigDecimal.valueOf(5 + this.rnd.nextInt(60), 1))
				.put("completed_on", d));
		}
	}

	private void research(MessyOrg.Person p) {
		if (p.rank.equals("staff") || !p.activeOn(this.to) || this.rnd.nextInt(3) == 0) {
			return;
		}
		LocalDate start = between(this.from, this.to.minusDays(20));
		if (start == null) {
			return;
		}
		LocalDate end = start.plusDays(2 + this.rnd.nextInt(18));
		this.research.add(new Row().put("unit_code", p.unit)
			.put("trip_id", "R" + tag() + "-" + p.id)
			.put("person_id", p.id)
			.put("start_date", start)
			.put("end_date", end.isAfter(this.to) ? this.to : end)
			.put("topic", this.rnd.nextInt(4) == 0 ? "基层调研\n第二部分: 走访, 座谈" : "基层党建调研")
			.put("report_submitted", this.rnd.nextBoolean()));
	}

	private void survey() {
		LocalDate opened = this.from.plusDays(5);
		String id = "S" + tag();
		int copies = 10 + this.rnd.nextInt(20);
		this.surveys.add(new Row().put("unit_code", this.committee)
			.put("survey_id", id)
			.put("title", "\"学习型机关\"建设满意度调查")
			.put("opened_on", opened)
			.put("distributed", Integer.toString(copies)));
		int answers = copies / 2 + this.rnd.nextInt(copies / 2);
		for (int i = 1; i <= answers; i++) {
			Row r = new Row().put("unit_code", this.committee)
				.put("survey_id", id)
				// a code that looks like a number: a workbook holds it as a numeric cell
				.put("response_id", tag() + String.format("%03d", i))
				.put("submitted_on", between(opened, this.to))
				.put("q1", Integer.toString(1 + this.rnd.nextInt(5)))
				.put("q2", this.rnd.nextInt(5) == 0 ? "" : Integer.toString(1 + this.rnd.nextInt(5)))
				.put("q3", Integer.toString(3 + this.rnd.nextInt(3)))
				.put("suggestion", this.rnd.nextInt(4) == 0 ? "建议增加线上课程;\n减少集中时间" : "");
			this.responses.add(r);
		}
	}

	private LocalDate within(LocalDate d) {
		return d.isAfter(this.from.minusDays(1)) && !d.isAfter(this.to) ? d : null;
	}

	private LocalDate between(LocalDate a, LocalDate b) {
		long days = b.toEpochDay() - a.toEpochDay();
		if (days < 0) {
			return null;
		}
		return a.plusDays(this.rnd.nextInt((int) days + 1));
	}

}
