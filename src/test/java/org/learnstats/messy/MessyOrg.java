package org.learnstats.messy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small organization of the programme, the same for a seed: a forest of two roots with
 * committees, offices and their branches (tens of units), and a few hundred people of every rank
 * and education, some joining or leaving during the test, some hired only later (their sign-ins
 * arrive before them: UNKNOWN_PERSON). The model follows {@code jobs/bench/GenerateSample.java}.
 */
final class MessyOrg {

	record Unit(String code, String name, String parent, String type, String committee, int fromNight) {
	}

	static final class Person {

		String id;

		String name;

		String unit;

		String rank;

		String education;

		LocalDate birth;

		LocalDate joined;

		LocalDate left;

		boolean degreeProgram;

		/** The night whose register first lists this person (0 = from the start). */
		int listedFromNight;

		/** A night whose register corrects the rank (promotion), or -1. */
		int promotedAtNight = -1;

		boolean activeOn(LocalDate d) {
			return (this.joined == null || !this.joined.isAfter(d)) && (this.left == null || this.left.isAfter(d));
		}

		String rankAt(int night) {
			return night >= this.promotedAtNight && this.promotedAtNight >= 0 ? "division" : this.rank;
		}

	}

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋";

	static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌宇浩凯健俊帆";

	/** The committees in the order a smaller organization keeps them: the two roots first. */
	static final List<String> ALL_COMMITTEES = List.of("SZ", "SKY", "SZ-JJ", "SZ-ZZ");

	final List<String> committees;

	final List<Unit> units = new ArrayList<>();

	final List<Person> people = new ArrayList<>();

	private final Random rnd;

	/** An organization of the first {@code size} committees (1 to 4), each with three offices. */
	MessyOrg(long seed, int size) {
		this.rnd = new Random(seed);
		this.committees = ALL_COMMITTEES.subList(0, size);
		unit("SZ", "省直机关工委", null, "committee", "SZ", 0);
		unit("SKY", "省社会科学院", null, "committee", "SKY", 0);
		unit("SZ-JJ", "纪检监察工委", "SZ", "committee", "SZ-JJ", 0);
		unit("SZ-ZZ", "组织部机关党委", "SZ", "committee", "SZ-ZZ", 0);
		this.units.removeIf((u) -> !this.committees.contains(u.code()));
		String[] offices = { "办公室", "综合处", "研究室" };
		for (String c : this.committees) {
			for (int i = 1; i <= offices.length; i++) {
				unit(c + "-O" + i, offices[i - 1], c, "office", c, 0);
				unit(c + "-O" + i + "-ZB", offices[i - 1] + "党支部", c + "-O" + i, "branch", c, 0);
			}
		}
		// a new office and its branch, set up during the second year
		if (size > 1) {
			unit("SKY-O4", "数据中心", "SKY", "office", "SKY", 4);
			unit("SKY-O4-ZB", "数据中心党支部", "SKY-O4", "branch", "SKY", 4);
		}
		for (Unit u : List.copyOf(this.units)) {
			staff(u);
		}
	}

	private void unit(String code, String name, String parent, String type, String committee, int fromNight) {
		this.units.add(new Unit(code, name, parent, type, committee, fromNight));
	}

	private void staff(Unit u) {
		switch (u.type()) {
			case "committee" -> group(u, "bureau", 2);
			case "office" -> {
				group(u, "division", 2);
				group(u, "section", 4);
				group(u, "staff", 10);
			}
			default -> {
			}
		}
	}

	private void group(Unit u, String rank, int count) {
		for (int i = 0; i < count; i++) {
			Person p = new Person();
			p.id = String.format("P%04d", this.people.size() + 1);
			p.name = name();
			p.unit = u.code();
			p.rank = rank;
			int e = this.rnd.nextInt(100);
			p.education = e < 25 ? "postgraduate" : e < 75 ? "bachelor" : e < 92 ? "college" : "secondary";
			int from = switch (rank) {
				case "bureau" -> 1966;
				case "division" -> 1968;
				case "section" -> 1972;
				default -> 1975;
			};
			p.birth = LocalDate.of(from + this.rnd.nextInt(2001 - from), 1 + this.rnd.nextInt(12),
					1 + this.rnd.nextInt(28));
			p.joined = this.rnd.nextInt(10) < 8 ? LocalDate.of(2015 + this.rnd.nextInt(9), 7, 1) : null;
			p.degreeProgram = this.rnd.nextInt(30) == 0;
			p.listedFromNight = u.fromNight();
			int fate = this.rnd.nextInt(40);
			if (fate == 0) {
				p.left = LocalDate.of(2025, 4, 1).plusMonths(this.rnd.nextInt(12));
			}
			else if (fate == 1) {
				// hired later: signs in before the register lists them
				p.joined = LocalDate.of(2025, 7, 1);
				p.listedFromNight = Math.max(u.fromNight(), 2);
			}
			else if (fate == 2 && rank.equals("section")) {
				p.promotedAtNight = 3;
			}
			this.people.add(p);
		}
	}

	private String name() {
		StringBuilder sb = new StringBuilder();
		sb.append(SURNAMES.charAt(this.rnd.nextInt(SURNAMES.length())));
		for (int i = 0; i < 1 + this.rnd.nextInt(2); i++) {
			sb.append(GIVEN.charAt(this.rnd.nextInt(GIVEN.length())));
		}
		return sb.toString();
	}

	List<Unit> unitsOf(String committee, int night) {
		return this.units.stream().filter((u) -> u.committee().equals(committee) && u.fromNight() <= night).toList();
	}

	List<Person> membersOf(String unit) {
		return this.people.stream().filter((p) -> p.unit.equals(unit)).toList();
	}

}
