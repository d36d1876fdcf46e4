package org.learnstats.messy;

import java.util.ArrayList;
import java.util.List;

import org.learnstats.messy.ExportTable.Row;
import org.learnstats.messy.ExportTable.Word;

/**
 * The hostile deliveries of issue 10, each switchable on its own so a test can name the one that
 * still breaks a night. Each is delivered on the first night, inside a quarter that later nights
 * close, so its rows also reach the packs.
 */
public enum Hostile {

	/** A line of several megabytes without a line break. */
	LONG_LINE {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/long-line.csv", ATTENDANCE_HEADER + "SZ,LL,".repeat(1) + "x".repeat(5_000_000)));
		}
	},
	/** A header of 100,000 columns. */
	WIDE_HEADER {
		@Override
		List<Delivery> deliveries(String day) {
			StringBuilder header = new StringBuilder(ATTENDANCE_HEADER.strip());
			for (int i = 0; i < 100_000; i++) {
				header.append(",c").append(i);
			}
			return List.of(file("hostile/wide.csv", header + "\n" + signIn("SZ", "WIDE", day, "2", "present") + "\n"));
		}
	},
	/** A stray quote that stretches one record over hundreds of lines. */
	STRAY_QUOTE {
		@Override
		List<Delivery> deliveries(String day) {
			StringBuilder text = new StringBuilder(ATTENDANCE_HEADER);
			text.append("SZ,SQ-0,").append(day).append(",lecture,2,P0001,\"present\n");
			for (int i = 1; i < 600; i++) {
				text.append(signIn("SZ", "SQ-" + i, day, "2", "present")).append('\n');
			}
			return List.of(file("hostile/stray-quote.csv", text.toString()));
		}
	},
	/** A course name of more than a million characters. */
	HUGE_COURSE_NAME {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/huge-course.csv",
					"unit_code,record_id,person_id,course_name,credits,completed_on\nSZ,HUGE,P0001," + "课".repeat(1_100_000)
							+ ",1," + day + "\n"));
		}
	},
	/** A session code of 64 emoji: 64 code points, 128 UTF-16 units. */
	EMOJI_CODE {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/emoji.csv", ATTENDANCE_HEADER + signIn("SZ", "😀".repeat(64), day, "2", "present")));
		}
	},
	/** A session code of 65 code points. */
	CODE_65_CODE_POINTS {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/code65.csv", ATTENDANCE_HEADER + signIn("SZ", "学".repeat(65), day, "2", "present")));
		}
	},
	/** A date, a status word and a unit code of more than 4,000 characters. */
	LONG_VALUES {
		@Override
		List<Delivery> deliveries(String day) {
			String longText = "九".repeat(4100);
			return List.of(file("hostile/long-values.csv",
					ATTENDANCE_HEADER + "SZ,LV-1," + longText + ",lecture,2,P0001,present\n"
							+ signIn("SZ", "LV-2", day, "2", longText) + "\n" + signIn(longText, "LV-3", day, "2", "present")
							+ "\n"));
		}
	},
	/** Ten surveys of 999999999999999999 copies each. */
	HUGE_DISTRIBUTED {
		@Override
		List<Delivery> deliveries(String day) {
			StringBuilder text = new StringBuilder("unit_code,survey_id,title,opened_on,distributed\n");
			for (int i = 0; i < 10; i++) {
				text.append("SZ,HUGE-").append(i).append(",大数,").append(day).append(",999999999999999999\n");
			}
			return List.of(file("hostile/huge-distributed.csv", text.toString()));
		}
	},
	/** A duration of 0.(39 zeros)1 hours: more than 0, and not to be stored as 0. */
	TINY_DURATION {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/tiny.csv",
					ATTENDANCE_HEADER + signIn("SZ", "TINY", day, "0." + "0".repeat(39) + "1", "present")));
		}
	},
	/** Credits of 99.(thirty 9s): at most 100, and not to be stored as 100. */
	CREDITS_NINES {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/nines.csv", "unit_code,record_id,person_id,course_name,credits,completed_on\n"
					+ "SZ,NINES,P0001,课程,99." + "9".repeat(30) + "," + day + "\n"));
		}
	},
	/** An Excel day-zero date. */
	EXCEL_DAY_ZERO {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/day-zero.csv", ATTENDANCE_HEADER + signIn("SZ", "ZERO", "1899-12-30", "2", "present")));
		}
	},
	/** Unit codes that are path tricks or markup, and a long Chinese one: committees with sessions. */
	UNIT_DOT_DOT(".."), UNIT_SLASH("a/b"), UNIT_TRAVERSAL("../../x"), UNIT_MARKUP("<script>alert(1)</script>"),
	UNIT_LONG_CHINESE("中共某省直机关工作委员会所属事业单位第一党委理论学习中心组学习研究与推进工作领导小组办公室专班"),
	/** A FIFO named x.csv (only where the OS has mkfifo): must not hang the night. */
	FIFO {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(Delivery.fifo("hostile/x.csv"));
		}
	},
	/** A symbolic link to a file outside the inbox. */
	SYMLINK_OUT {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(Delivery.symlink("hostile/passwd.csv", "/etc/passwd"));
		}
	},
	/** A notes file whose one long first line is a paragraph (UNKNOWN_KIND with a long header). */
	LONG_NOTE {
		@Override
		List<Delivery> deliveries(String day) {
			return List.of(file("hostile/说明.txt", "本表说明：" + "各单位应按要求如实填报学习情况，".repeat(400) + "\n第二行\n"));
		}
	};

	static final String ATTENDANCE_HEADER = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status\n";

	private final String unitCode;

	Hostile() {
		this(null);
	}

	Hostile(String unitCode) {
		this.unitCode = unitCode;
	}

	/** The night (index into {@link MessyInbox#NIGHTS}) that delivers it. */
	int night() {
		return 0;
	}

	/**
	 * How many nights a test runs with this case: two where the issue saw every later night fail
	 * too (numbers and dates kept in the store, names kept in the ledger, units in the packs), one
	 * elsewhere (the first night already closes the quarter and builds its pack).
	 */
	public int nightsToRun() {
		return switch (this) {
			case HUGE_DISTRIBUTED, EXCEL_DAY_ZERO, LONG_NOTE, EMOJI_CODE, UNIT_DOT_DOT, UNIT_SLASH, UNIT_TRAVERSAL,
					UNIT_MARKUP, UNIT_LONG_CHINESE ->
				2;
			default -> 1;
		};
	}

	/** The unit code this case adds to the register, or null. */
	public String unitCode() {
		return this.unitCode;
	}

	/** Rows this case adds to the night's units register. */
	List<Row> units() {
		if (this.unitCode == null) {
			return List.of();
		}
		return List.of(new Row().put("unit_code", this.unitCode)
			.put("unit_name", "怪代码单位 " + this.unitCode)
			.put("parent_code", "SZ")
			.put("unit_type", new Word("committee")));
	}

	/** The files of this case; for a unit code, three central group sessions of that committee. */
	List<Delivery> deliveries(String day) {
		List<String> lines = new ArrayList<>();
		for (int s = 1; s <= 3; s++) {
			for (String person : List.of("P0001", "P0002")) {
				lines.add(ExportTable.quoted(this.unitCode, ',') + ",CG-" + s + ",2025-0" + s + "-15,central_group,6,"
						+ person + ",present");
			}
		}
		return List.of(file("hostile/" + name().toLowerCase(java.util.Locale.ROOT) + ".csv",
				ATTENDANCE_HEADER + String.join("\n", lines) + "\n"));
	}

	static Delivery file(String path, String text) {
		return Delivery.file(path, MessyInbox.utf8(text));
	}

	static String signIn(String unit, String session, String day, String hours, String status) {
		return unit + "," + session + "," + day + ",lecture," + hours + ",P0001," + status;
	}

}
