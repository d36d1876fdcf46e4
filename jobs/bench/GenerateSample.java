import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the hand-sized sample organization of {@code sample-data/}: a provincial department
 * with 17 units in 3 levels, about 200 people and 15 months of activity (2025-09 .. 2026-11,
 * as-of 2026-11-20), delivered the way units really deliver (files per unit and kind, mixed
 * encodings, delimiters, header languages, date styles), with a handful of deliberate bad rows.
 * <p>
 * Run from the repository root: {@code java jobs/bench/GenerateSample.java --out sample-data}.
 * The same program always writes the same bytes (fixed seed, fixed iteration order).
 * Besides the inbox ({@code sample-data/inbox/}) it writes {@code expected-rejects.csv},
 * {@code expected-files.csv} and {@code README.md} next to it, from the same data, so the
 * documentation cannot drift from the files.
 */
public class GenerateSample {

	static final LocalDate START = LocalDate.of(2025, 9, 1);

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	static final Function<LocalDate, String> ISO = LocalDate::toString;

	static final Function<LocalDate, String> SLASH = d -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();

	static final Function<LocalDate, String> DOT = d -> d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();

	static final Function<LocalDate, String> CN = d -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";

	static final Function<LocalDate, String> COMPACT = d -> ISO.apply(d).replace("-", "");

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万钱戴严孔常汤康易乔赖文";

	static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌宇浩凯健俊帆帅旭宁琳雪晨欣佳怡子涵博文思远建国志红海燕立新晓东卫东春梅丹彤颖慧鑫";

	final java.util.Random rnd = new java.util.Random(20261120L);

	final List<Unit> units = new ArrayList<>();

	final Map<String, Unit> unitByCode = new LinkedHashMap<>();

	final List<Person> people = new ArrayList<>();

	final Map<String, Export> exports = new TreeMap<>();

	final List<String[]> rejects = new ArrayList<>();

	final List<String[]> inventory = new ArrayList<>();

	public static void main(String[] args) throws IOException {
		String out = "sample-data";
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--out")) {
				out = args[i + 1];
			}
		}
		new GenerateSample().run(Path.of(out));
	}

	// ---------------------------------------------------------------- model

	record Unit(String code, String name, String parent, String typeWord, String type, String membersOf) {
	}

	static final class Person {

		String id, name, unit, rank, rankWord, position, edu, eduWord;

		LocalDate birth, joined, left;

		boolean degree, centralGroup;

		boolean active(LocalDate d) {
			return (this.joined == null || !this.joined.isAfter(d)) && (this.left == null || this.left.isAfter(d));
		}

		LocalDate firstActive(LocalDate from) {
			return this.joined != null && this.joined.isAfter(from) ? this.joined : from;
		}

		LocalDate lastActive(LocalDate to) {
			return this.left != null && !this.left.isAfter(to) ? this.left.minusDays(1) : to;
		}

		int creditTarget() {
			return switch (this.rank) {
				case "bureau", "division" -> 18;
				case "section" -> 12;
				default -> 0;
			};
		}

		int researchTarget() {
			return switch (this.rank) {
				case "bureau" -> 90;
				case "division" -> 60;
				case "section" -> 30;
				default -> 0;
			};
		}

	}

	/** An enumeration value, written with the vocabulary of the file it lands in. */
	record W(String canonical) {
	}

	static final class Row {

		final Map<String, Object> v = new LinkedHashMap<>();

		String raw;

		String reason;

		String why;

		boolean blankBefore;

		Row put(String k, Object o) {
			this.v.put(k, o);
			return this;
		}

		Row copy() {
			Row r = new Row();
			r.v.putAll(this.v);
			return r;
		}

	}

	static final class Export {

		final String path;

		final String kind;

		String enc = "UTF-8";

		char delim = ',';

		String eol = "\n";

		final List<String> cols = new ArrayList<>();

		final Map<String, String> labels = new LinkedHashMap<>();

		Function<LocalDate, String> date = ISO;

		Function<Boolean, String> bool = b -> b ? "yes" : "no";

		final Map<String, Map<String, String[]>> words = new LinkedHashMap<>();

		final List<Row> rows = new ArrayList<>();

		String note = "";

		String duplicateOf;

		boolean blankAtEnd;

		Export(String path, String kind) {
			this.path = path;
			this.kind = kind;
		}

		Export cols(String... keys) {
			this.cols.addAll(List.of(keys));
			return this;
		}

		Export label(String... keyLabel) {
			for (int i = 0; i < keyLabel.length; i += 2) {
				this.labels.put(keyLabel[i], keyLabel[i + 1]);
			}
			return this;
		}

		Export words(String col, Map<String, String[]> vocab) {
			this.words.put(col, vocab);
			return this;
		}

		Export add(Row r) {
			this.rows.add(r);
			return this;
		}

		Export bad(int index, String reason, String why, Row r) {
			r.reason = reason;
			r.why = why;
			this.rows.add(Math.min(index, this.rows.size()), r);
			return this;
		}

	}

	// ---------------------------------------------------------------- vocabularies

	static Map<String, String[]> vocab(String... canonicalWords) {
		Map<String, String[]> m = new LinkedHashMap<>();
		for (int i = 0; i < canonicalWords.length; i += 2) {
			m.put(canonicalWords[i], canonicalWords[i + 1].split("\\|"));
		}
		return m;
	}

	static final Map<String, String[]> STATUS_EN = vocab("present", "present", "late", "late", "excused", "excused", "absent", "absent");

	static final Map<String, String[]> STATUS_EN_CASE = vocab("present", "Present|PRESENT", "late", "Late", "excused", "Excused", "absent", "Absent");

	static final Map<String, String[]> STATUS_ZH1 = vocab("present", "出勤", "late", "迟到", "excused", "请假", "absent", "缺勤");

	static final Map<String, String[]> STATUS_ZH2 = vocab("present", "到会", "late", "迟到", "excused", "请假", "absent", "缺席");

	static final Map<String, String[]> STATUS_ZH3 = vocab("present", "已到", "late", "迟到", "excused", "请假", "absent", "未到");

	static final Map<String, String[]> COURSE_ZH = vocab("online", "网络培训|网络学习", "classroom", "集中培训|脱产培训", "lecture", "专题讲座", "degree", "学历教育", "other", "其他");

	static final Map<String, String[]> COURSE_EN = vocab("online", "online", "classroom", "classroom", "lecture", "lecture", "degree", "degree", "other", "other");

	static Function<Boolean, String> yn(String yes, String no) {
		return b -> b ? yes : no;
	}

	// ---------------------------------------------------------------- run

	void run(Path out) throws IOException {
		defineUnits();
		definePeople();
		unitsExport();
		peopleExports();
		attendance();
		training();
		research();
		surveys();
		misc();
		write(out);
	}

	void unit(String code, String name, String parent, String typeWord, String type, String membersOf) {
		Unit u = new Unit(code, name, parent, typeWord, type, membersOf);
		this.units.add(u);
		this.unitByCode.put(code, u);
	}

	void defineUnits() {
		unit("SWB", "省委某部", "", "党委", "committee", "SWB");
		unit("SWB-BGS", "办公室", "SWB", "办公室", "office", "SWB-BGS");
		unit("SWB-GBC", "干部处", "SWB", "处室", "office", "SWB-GBC");
		unit("SWB-LLC", "理论处", "SWB", "处室", "office", "SWB-LLC");
		unit("SWB-XJC", "宣传教育处", "SWB", "处室", "office", "SWB-XJC");
		unit("SWB-XWC", "新闻出版处", "SWB", "机关处室", "office", "SWB-XWC");
		unit("JST", "讲师团", "SWB", "事业单位", "office", "JST");
		unit("SKY", "省社会科学院", "SWB", "党组", "committee", "SKY");
		unit("BS", "省日报社", "SWB", "党组", "committee", "BS");
		unit("SWB-BGS-ZB", "办公室党支部", "SWB-BGS", "党支部", "branch", "SWB-BGS");
		unit("SWB-GBC-ZB", "干部处党支部", "SWB-GBC", "支部", "branch", "SWB-GBC");
		unit("SWB-LLC-ZB", "理论处党支部", "SWB-LLC", "党支部", "branch", "SWB-LLC");
		unit("SWB-XJC-ZB", "宣传教育处党支部", "SWB-XJC", "党支部", "branch", "SWB-XJC");
		unit("SWB-XWC-ZB", "新闻出版处党支部", "SWB-XWC", "党支部", "branch", "SWB-XWC");
		unit("JST-ZB", "讲师团党支部", "JST", "党支部", "branch", "JST");
		unit("SKY-DZZ", "社科院机关党总支", "SKY", "党总支", "branch", "SKY");
		unit("BS-BJB", "报社编辑部党支部", "BS", "党支部", "branch", "BS");
	}

	String chineseName() {
		StringBuilder sb = new StringBuilder();
		sb.append(SURNAMES.charAt(this.rnd.nextInt(SURNAMES.length())));
		int n = this.rnd.nextInt(10) < 7 ? 2 : 1;
		for (int i = 0; i < n; i++) {
			sb.append(GIVEN.charAt(this.rnd.nextInt(GIVEN.length())));
		}
		return sb.toString();
	}

	LocalDate between(LocalDate a, LocalDate b) {
		long days = b.toEpochDay() - a.toEpochDay();
		return a.plusDays(days <= 0 ? 0 : this.rnd.nextInt((int) days + 1));
	}

	void group(String unit, String rank, String rankWord, String position, int count) {
		for (int i = 0; i < count; i++) {
			Person p = new Person();
			p.id = String.format("P%04d", this.people.size() + 1);
			p.name = chineseName();
			p.unit = unit;
			p.rank = rank;
			p.rankWord = rankWord;
			p.position = position;
			int e = this.rnd.nextInt(100);
			switch (rank) {
				case "bureau" -> {
					p.birth = between(LocalDate.of(1967, 1, 1), LocalDate.of(1973, 12, 31));
					p.edu = e < 60 ? "postgraduate" : "bachelor";
				}
				case "division" -> {
					p.birth = between(LocalDate.of(1968, 1, 1), LocalDate.of(1988, 12, 31));
					p.edu = e < 40 ? "postgraduate" : e < 95 ? "bachelor" : "college";
				}
				case "section" -> {
					p.birth = between(LocalDate.of(1975, 1, 1), LocalDate.of(1995, 12, 31));
					p.edu = e < 25 ? "postgraduate" : e < 85 ? "bachelor" : e < 96 ? "college" : "secondary";
				}
				default -> {
					p.birth = between(LocalDate.of(1982, 1, 1), LocalDate.of(2001, 12, 31));
					p.edu = e < 20 ? "postgraduate" : e < 75 ? "bachelor" : e < 92 ? "college" : "secondary";
				}
			}
			if (p.edu.equals("secondary") && p.birth.getYear() > 1990) {
				p.birth = p.birth.minusYears(12);
			}
			p.eduWord = switch (p.edu) {
				case "postgraduate" -> pick("研究生", "硕士", "硕士", "博士");
				case "bachelor" -> pick("本科", "本科", "大学本科");
				case "college" -> pick("大专", "专科", "大学专科");
				default -> pick("中专", "高中", "高中及以下");
			};
			int firstJob = p.birth.getYear() + 22 + this.rnd.nextInt(4);
			p.joined = this.rnd.nextInt(10) < 8 ? between(LocalDate.of(Math.min(firstJob, 2024), 7, 1), LocalDate.of(2024, 12, 31)) : null;
			this.people.add(p);
		}
	}

	@SafeVarargs
	final <T> T pick(T... options) {
		return options[this.rnd.nextInt(options.length)];
	}

	Person find(String unit, String rank, int nth) {
		int seen = 0;
		for (Person p : this.people) {
			if (p.unit.equals(unit) && p.rank.equals(rank) && seen++ == nth) {
				return p;
			}
		}
		throw new IllegalStateException(unit + " " + rank + " " + nth);
	}

	void definePeople() {
		group("SWB", "bureau", "厅级", "部长", 1);
		group("SWB", "bureau", "副厅级", "副部长", 4);
		group("SWB", "bureau", "副厅级", "秘书长", 1);
		for (String office : List.of("SWB-BGS", "SWB-GBC", "SWB-LLC", "SWB-XJC", "SWB-XWC")) {
			group(office, "division", "处级", office.equals("SWB-BGS") ? "主任" : "处长", 1);
			group(office, "division", "副处级", office.equals("SWB-BGS") ? "副主任" : "副处长", 2);
			group(office, "section", "科级", "一级主任科员", 2);
			group(office, "section", "副科级", "四级主任科员", 3);
			group(office, "staff", "科员", "一级科员", 8);
		}
		group("JST", "division", "处级", "团长", 1);
		group("JST", "division", "副处级", "副团长", 1);
		group("JST", "section", "科级", "科长", 2);
		group("JST", "section", "副科级", "副科长", 3);
		group("JST", "staff", "科员", "科员", 5);
		group("JST", "staff", "办事员", "办事员", 2);
		group("SKY", "bureau", "厅级", "院长", 1);
		group("SKY", "bureau", "副厅级", "副院长", 1);
		group("SKY", "division", "处级", "所长", 4);
		group("SKY", "division", "副处级", "副所长", 6);
		group("SKY", "section", "科级", "副研究员", 8);
		group("SKY", "section", "乡科级", "助理研究员", 10);
		group("SKY", "staff", "科员", "研究实习员", 16);
		group("SKY", "staff", "一般干部", "工作人员", 4);
		group("BS", "bureau", "厅级", "社长", 1);
		group("BS", "bureau", "副厅级", "副社长", 1);
		group("BS", "division", "处级", "主任", 4);
		group("BS", "division", "县处级", "副主任", 6);
		group("BS", "section", "科级", "主任编辑", 8);
		group("BS", "section", "副科级", "编辑", 8);
		group("BS", "staff", "科员", "记者", 18);
		group("BS", "staff", "办事员", "校对", 4);
		for (Person p : this.people) {
			p.centralGroup = switch (p.unit) {
				case "SWB", "SKY", "BS" -> !p.rank.equals("section") && !p.rank.equals("staff");
				default -> p.rankWord.equals("处级");
			};
		}
		// people who joined or left during the period, or will leave after the as-of date
		find("SWB-GBC", "staff", 7).joined = LocalDate.of(2026, 3, 2);
		find("SKY", "staff", 19).joined = LocalDate.of(2025, 11, 3);
		find("BS", "staff", 21).joined = LocalDate.of(2026, 7, 15);
		find("SWB-LLC", "section", 4).joined = LocalDate.of(2026, 9, 1);
		find("SWB-XWC", "section", 4).left = LocalDate.of(2026, 4, 30);
		find("BS", "staff", 20).left = LocalDate.of(2025, 12, 31);
		Person retiring = find("SKY", "division", 9);
		retiring.birth = LocalDate.of(1966, 8, 12);
		retiring.joined = LocalDate.of(1989, 7, 1);
		retiring.left = LocalDate.of(2026, 8, 31);
		find("JST", "staff", 6).left = LocalDate.of(2027, 1, 31);
		// people around the degree age limit of 50 without a junior-college degree
		setEdu(find("SWB-BGS", "staff", 0), LocalDate.of(1976, 10, 15), "secondary", "高中");
		setEdu(find("BS", "staff", 0), LocalDate.of(1977, 1, 10), "secondary", "中专");
		setEdu(find("SKY", "section", 0), LocalDate.of(1976, 11, 20), "secondary", "高中及以下");
		setEdu(find("JST", "staff", 0), LocalDate.of(1970, 5, 3), "secondary", "初中及以下");
		// two in a degree programme
		Person d1 = find("SKY", "staff", 1);
		setEdu(d1, d1.birth, "college", "大专");
		d1.degree = true;
		Person d2 = find("BS", "staff", 2);
		setEdu(d2, d2.birth, "bachelor", "本科");
		d2.degree = true;
	}

	void setEdu(Person p, LocalDate birth, String edu, String word) {
		p.birth = birth;
		p.edu = edu;
		p.eduWord = word;
	}

	List<Person> peopleOf(String unit) {
		return this.people.stream().filter(p -> p.unit.equals(unit)).toList();
	}

	// ---------------------------------------------------------------- units and people

	Export export(String path, String kind) {
		Export e = new Export(path, kind);
		if (this.exports.put(path, e) != null) {
			throw new IllegalStateException("twice: " + path);
		}
		return e;
	}

	void unitsExport() {
		Export e = export("SWB/机构设置_20261115.csv", "units");
		e.enc = "UTF-8-BOM";
		e.eol = "\r\n";
		e.cols("序号", "unit_name", "unit_code", "unit_type", "parent_code", "备注");
		e.label("unit_name", "单位名称", "unit_code", "单位代码", "unit_type", "单位类型", "parent_code", "上级单位代码");
		// children before their parents on purpose: units of the same file count as known
		List<Unit> order = new ArrayList<>(this.units);
		order.sort(Comparator.comparing((Unit u) -> u.membersOf()).thenComparing(u -> u.type().equals("branch") ? 0 : 1));
		int i = 1;
		for (Unit u : order) {
			e.add(new Row().put("序号", i++).put("unit_name", u.name()).put("unit_code", u.code())
				.put("unit_type", u.typeWord()).put("parent_code", u.parent())
				.put("备注", u.code().equals("SKY") ? "含院属研究所, 机关处室" : ""));
		}
		e.bad(99, "CYCLE", "unit whose parent is itself", new Row().put("序号", i).put("unit_name", "临时工作专班")
			.put("unit_code", "SWB-LS").put("unit_type", "其他").put("parent_code", "SWB-LS").put("备注", "待撤销"));
		e.note = "whole register of the department; children listed before parents";
	}

	Row personRow(Person p) {
		return new Row().put("person_id", p.id).put("name", p.name).put("unit_code", p.unit).put("rank", p.rankWord)
			.put("education", p.eduWord).put("birth_date", p.birth).put("joined_on", p.joined).put("left_on", p.left)
			.put("in_degree_program", p.degree).put("职务", p.position).put("rank_en", new W(p.rank))
			.put("edu_en", new W(p.edu)).put("序号", 0);
	}

	void peopleExports() {
		// the department organs and offices: Chinese headers, an extra 职务 (post) column, slash dates
		Export swb = export("SWB/人员信息表.csv", "people");
		swb.cols("序号", "person_id", "name", "职务", "rank", "education", "birth_date", "unit_code", "joined_on", "left_on");
		swb.label("person_id", "工号", "name", "姓名", "rank", "职级", "education", "学历", "birth_date", "出生日期",
			"unit_code", "所在单位代码", "joined_on", "到岗日期", "left_on", "调离日期");
		swb.date = SLASH;
		int i = 1;
		for (Person p : this.people) {
			if (p.unit.startsWith("SWB")) {
				swb.add(personRow(p).put("序号", i++));
			}
		}
		swb.bad(20, "BAD_CODE", "rank 处长 is a post, not a rank word", personRow(extraPerson("P0901", "SWB-GBC"))
			.put("序号", 20).put("rank", "处长"));
		swb.note = "no in_degree_program column (default no); 职务 is an extra column";

		// the academy: English headers in another order, compact dates, Y/N, English enumerations
		Export sky = export("SKY/干部名册_2026.csv", "people");
		sky.cols("unit_code", "person_id", "name", "birth_date", "rank", "education", "in_degree_program", "joined_on", "left_on", "remark");
		sky.date = COMPACT;
		sky.bool = yn("Y", "N");
		for (Person p : peopleOf("SKY")) {
			sky.add(personRow(p).put("rank", new W(p.rank)).put("education", new W(p.edu))
				.put("remark", p.left != null ? "退休" : ""));
		}
		sky.words("rank", vocab("bureau", "bureau", "division", "Division", "section", "section", "staff", "STAFF"));
		sky.words("education", vocab("postgraduate", "postgraduate", "bachelor", "Bachelor", "college", "college", "secondary", "secondary"));
		sky.note = "English words for rank/education in mixed case";

		// the newspaper: an old office system on Windows: GB18030, CRLF, 年月日 dates, 是/否
		Export bs = export("BS/花名册.csv", "people");
		bs.enc = "GB18030";
		bs.eol = "\r\n";
		bs.cols("人员编号", "name", "unit_code", "rank", "education", "birth_date", "joined_on", "left_on", "in_degree_program");
		bs.label("name", "姓名", "unit_code", "单位代码", "rank", "职级", "education", "学历", "birth_date", "出生日期",
			"joined_on", "入职日期", "left_on", "离职日期", "in_degree_program", "在职学历教育");
		bs.date = CN;
		bs.bool = yn("是", "否");
		for (Person p : peopleOf("BS")) {
			bs.add(personRow(p).put("人员编号", p.id));
		}
		bs.blankAtEnd = true;
		bs.note = "header 人员编号 for person_id; a blank line at the end";

		// the lecturers' group: dotted dates, true/false, surrounding spaces in the header
		Export jst = export("JST/人员.csv", "people");
		jst.cols("person_id", "name", "unit_code", "rank", "education", "birth_date", "joined_on", "left_on", "in_degree_program");
		jst.label("person_id", " Person_ID ", "name", "Name ", "unit_code", " UNIT_CODE", "rank", "职级", "education", "学历");
		jst.date = DOT;
		jst.bool = yn("true", "false");
		for (Person p : peopleOf("JST")) {
			jst.add(personRow(p));
		}
		jst.note = "header cells with spaces and mixed case, mixed English/Chinese header";
	}

	Person extraPerson(String id, String unit) {
		Person p = new Person();
		p.id = id;
		p.name = chineseName();
		p.unit = unit;
		p.rank = "division";
		p.rankWord = "处级";
		p.position = "处长";
		p.edu = "bachelor";
		p.eduWord = "本科";
		p.birth = LocalDate.of(1979, 4, 18);
		p.joined = LocalDate.of(2026, 11, 1);
		return p;
	}

	// ---------------------------------------------------------------- attendance

	record Session(String unit, String id, LocalDate date, String type, String hours, List<Person> who, String topic) {
	}

	LocalDate workday(YearMonth ym, int fromDay, int toDay) {
		int last = Math.min(toDay, ym.lengthOfMonth());
		if (ym.equals(YearMonth.from(AS_OF))) {
			last = Math.min(last, AS_OF.getDayOfMonth());
		}
		for (int tries = 0; tries < 100; tries++) {
			LocalDate d = ym.atDay(fromDay + this.rnd.nextInt(last - fromDay + 1));
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				return d;
			}
		}
		throw new IllegalStateException("no workday in " + ym);
	}

	List<YearMonth> months() {
		List<YearMonth> list = new ArrayList<>();
		for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(AS_OF)); m = m.plusMonths(1)) {
			list.add(m);
		}
		return list;
	}

	String status() {
		int r = this.rnd.nextInt(100);
		return r < 87 ? "present" : r < 91 ? "late" : r < 98 ? "excused" : "absent";
	}

	static final String[] THEORY = { "学习贯彻党的二十届四中全会精神", "深入学习《习近平谈治国理政》第五卷", "学习习近平文化思想",
			"推进中国式现代化的理论与实践", "意识形态工作责任制落实情况", "学习《中国共产党纪律处分条例》", "网络综合治理体系建设",
			"新时代文明实践中心建设经验交流", "“十五五”规划建议学习研讨", "全面从严治党, 作风建设专题" };

	List<Session> sessions() {
		List<Session> all = new ArrayList<>();
		List<YearMonth> months = months();
		// central study groups of the three committees, about one a month, with deliberate gaps
		for (String c : List.of("SWB", "SKY", "BS")) {
			List<Person> members = this.people.stream().filter(p -> p.centralGroup && (c.equals("SWB")
					? p.unit.startsWith("SWB") || p.unit.equals("JST") : p.unit.equals(c))).toList();
			for (YearMonth m : months) {
				String ym = m.toString();
				if ((c.equals("SKY") && ym.equals("2025-11")) || (c.equals("BS") && ym.equals("2026-05"))) {
					continue; // a quarter one session short
				}
				int n = c.equals("BS") && ym.equals("2026-09") ? 2 : 1;
				for (int k = 0; k < n; k++) {
					LocalDate d = workday(m, k == 0 ? 3 : 18, k == 0 ? 16 : 28);
					String hours = c.equals("SWB") && ym.equals("2026-02") ? "4" : pick("6", "6.5", "7", "7.5", "8");
					all.add(new Session(c, c + "-ZXZ-" + COMPACT.apply(d), d, "central_group", hours, members,
							THEORY[this.rnd.nextInt(THEORY.length)]));
				}
			}
		}
		// branch study: about two days a month, sometimes one, sometimes three
		for (Unit u : this.units) {
			if (!u.type().equals("branch")) {
				continue;
			}
			List<Person> members = peopleOf(u.membersOf());
			for (YearMonth m : months) {
				int r = this.rnd.nextInt(100);
				int n = r < 10 ? 1 : r < 90 ? 2 : 3;
				if (m.equals(YearMonth.from(AS_OF)) && n == 3) {
					n = 2;
				}
				java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
				while (days.size() < n) {
					days.add(workday(m, 1, 28));
				}
				for (LocalDate d : days) {
					all.add(new Session(u.code(), "ZB" + COMPACT.apply(d), d, "branch_study", pick("1.5", "2", "2", "2.5", "3"),
							members, THEORY[this.rnd.nextInt(THEORY.length)]));
				}
			}
		}
		// friday study days of the offices
		for (String office : List.of("SWB-BGS", "SWB-GBC", "SWB-LLC", "SWB-XJC", "SWB-XWC", "JST")) {
			for (YearMonth m : months) {
				LocalDate d = m.atDay(8);
				while (d.getDayOfWeek() != DayOfWeek.FRIDAY) {
					d = d.plusDays(1);
				}
				all.add(new Session(office, "XXR-" + m, d, "study_day", "3", peopleOf(office), "周五学习日"));
			}
		}
		// lectures for the whole department every other month, for the academy every quarter
		List<Person> organs = this.people.stream().filter(p -> p.unit.startsWith("SWB") || p.unit.equals("JST")).toList();
		for (YearMonth m : months) {
			if (m.getMonthValue() % 2 == 1) {
				LocalDate d = workday(m, 10, 25);
				all.add(new Session("SWB", "JZ-" + COMPACT.apply(d), d, "lecture", "2.5", organs,
						"专题辅导报告：" + THEORY[this.rnd.nextInt(THEORY.length)]));
			}
			if (m.getMonthValue() % 3 == 0) {
				LocalDate d = workday(m, 5, 25);
				all.add(new Session("SKY", "JZ-" + COMPACT.apply(d), d, "lecture", "3", peopleOf("SKY"),
						"学术讲座：" + THEORY[this.rnd.nextInt(THEORY.length)]));
			}
			if (m.getMonthValue() % 4 == 0) {
				LocalDate d = workday(m, 5, 25);
				all.add(new Session("BS", "QT-" + COMPACT.apply(d), d, "other", "2", peopleOf("BS"), "警示教育片观看"));
			}
		}
		all.sort(Comparator.comparing(Session::date).thenComparing(Session::unit).thenComparing(Session::id));
		return all;
	}

	/** Which file a unit's attendance of a day goes to, created with the unit's own export style. */
	Export attendanceFile(String unit, LocalDate d) {
		String ym = COMPACT.apply(d).substring(0, 6);
		String year = String.valueOf(d.getYear());
		String path = switch (unit) {
			case "SWB" -> "SWB/学习活动签到_" + year + ".csv";
			case "SKY" -> "SKY/" + year + "年理论学习.csv";
			case "BS" -> "BS/党组学习记录" + year + ".csv";
			case "JST-ZB" -> "JST-ZB/" + (year.equals("2025") ? "2025年度.csv" : "2026年1-11月.csv");
			case "SKY-DZZ" -> "SKY-DZZ/党总支学习台账" + year + ".csv";
			case "BS-BJB" -> "BS-BJB/" + ym + ".tsv";
			default -> unit.endsWith("-ZB") ? unit + "/" + ym + ".csv" : unit + "/学习日_" + year + ".csv";
		};
		Export e = this.exports.get(path);
		if (e != null) {
			return e;
		}
		e = export(path, "attendance");
		String[] canon = { "unit_code", "session_id", "session_date", "session_type", "duration_hours", "person_id", "status" };
		switch (unit) {
			case "SWB" -> {
				e.cols("unit_code", "session_id", "session_date", "session_type", "duration_hours", "person_id", "姓名", "status", "学习内容");
				e.words("session_type", vocab("central_group", "理论学习中心组", "lecture", "辅导报告|专题讲座"));
				e.words("status", STATUS_ZH1);
				e.note = "English header, Chinese enumerations, topic column with commas";
			}
			case "SKY" -> {
				e.cols(canon).cols("姓名");
				e.label("unit_code", "单位代码", "session_id", "活动编号", "session_date", "活动日期", "session_type", "活动类型",
					"duration_hours", "时长(小时)", "person_id", "工号", "status", "考勤状态");
				e.date = SLASH;
				e.words("session_type", vocab("central_group", "中心组学习", "lecture", "专题讲座"));
				e.words("status", STATUS_ZH2);
				e.note = "Chinese header, slash dates";
			}
			case "BS" -> {
				e.cols(canon);
				e.label("unit_code", "Unit_Code", "session_id", " SESSION_ID", "session_date", " Session_Date ", "session_type",
					"session_type", "duration_hours", "Duration_Hours", "person_id", "person_id ", "status", "STATUS");
				e.eol = "\r\n";
				e.words("session_type", vocab("central_group", "CENTRAL_GROUP", "other", "Other"));
				e.words("status", STATUS_EN_CASE);
				e.note = "CRLF; header cells in mixed case with spaces; English words in mixed case";
			}
			case "SKY-DZZ" -> {
				e.cols("序号", "person_id", "姓名", "status", "session_date", "session_id", "session_type", "duration_hours", "unit_code");
				e.label("person_id", "人员编号", "status", "出勤情况", "session_date", "学习日期", "session_id", "学习编号",
					"session_type", "学习形式", "duration_hours", "学时", "unit_code", "单位代码");
				e.date = CN;
				e.words("session_type", vocab("branch_study", "三会一课|支部学习"));
				e.words("status", STATUS_ZH3);
				e.note = "year-to-date register, Chinese header in another order, 年月日 dates";
			}
			case "BS-BJB" -> {
				e.cols(canon).cols("姓名");
				e.delim = '\t';
				e.words("session_type", vocab("branch_study", "支部学习"));
				e.words("status", STATUS_EN);
				e.note = "tab-separated";
			}
			case "JST-ZB" -> {
				e.cols(canon);
				e.words("session_type", vocab("branch_study", "branch_study"));
				e.words("status", STATUS_EN);
				e.note = "year-to-date file";
			}
			case "SWB-BGS-ZB" -> {
				e.cols(canon).cols("姓名");
				e.eol = "\r\n";
				e.words("session_type", vocab("branch_study", "支部集中学习"));
				e.words("status", STATUS_EN);
				e.note = "CRLF";
			}
			case "SWB-GBC-ZB" -> {
				e.cols("session_date", "session_type", "session_id", "unit_code", "person_id", "姓名", "status", "duration_hours");
				e.label("session_date", "日期", "session_type", "学习形式", "session_id", "活动编号", "unit_code", "单位代码",
					"person_id", "工号", "status", "状态", "duration_hours", "学时");
				e.date = SLASH;
				e.words("session_type", vocab("branch_study", "三会一课"));
				e.words("status", STATUS_ZH2);
				e.note = "Chinese header, slash dates";
			}
			case "SWB-LLC-ZB" -> {
				e.cols(canon).cols("备注");
				e.date = COMPACT;
				e.words("session_type", vocab("branch_study", "支部学习"));
				e.words("status", STATUS_EN);
				e.note = "compact dates 20250905, extra column";
			}
			case "SWB-XJC-ZB" -> {
				e.cols(canon);
				e.date = DOT;
				e.words("session_type", vocab("branch_study", "支部集中学习"));
				e.words("status", STATUS_ZH1);
				e.note = "dotted dates";
			}
			case "SWB-XWC-ZB" -> {
				e.cols(canon).cols("姓名");
				e.date = CN;
				e.words("session_type", vocab("branch_study", "branch_study"));
				e.words("status", STATUS_ZH3);
				e.note = "年月日 dates";
			}
			default -> { // offices' study days
				e.cols("person_id", "status", "session_date", "session_id", "unit_code", "session_type", "duration_hours");
				e.words("session_type", vocab("study_day", unit.equals("JST") ? "学习日" : "周五学习日"));
				e.words("status", STATUS_EN);
				e.note = "columns in another order";
			}
		}
		return e;
	}

	Map<String, Person> personById() {
		Map<String, Person> m = new LinkedHashMap<>();
		this.people.forEach(p -> m.put(p.id, p));
		return m;
	}

	void attendance() {
		for (Session s : sessions()) {
			Export e = attendanceFile(s.unit(), s.date());
			for (Person p : s.who()) {
				if (p.active(s.date())) {
					e.add(new Row().put("unit_code", s.unit()).put("session_id", s.id()).put("session_date", s.date())
						.put("session_type", new W(s.type())).put("duration_hours", s.hours()).put("person_id", p.id)
						.put("status", new W(status())).put("姓名", p.name).put("学习内容", s.topic()).put("备注", "")
						.put("序号", 0));
				}
			}
		}
		for (Export e : this.exports.values()) {
			if (e.kind.equals("attendance")) {
				int i = 1;
				for (Row r : e.rows) {
					r.put("序号", i++);
				}
			}
		}
		Export bgs03 = this.exports.get("SWB-BGS-ZB/202603.csv");
		bgs03.bad(6, "MISSING_VALUE", "status left blank", bgs03.rows.remove(6).put("status", ""));
		Export bgs05 = this.exports.get("SWB-BGS-ZB/202605.csv");
		bgs05.bad(4, "DUPLICATE_KEY", "the row above exported twice", bgs05.rows.get(3).copy());
		Export llc04 = this.exports.get("SWB-LLC-ZB/202604.csv");
		llc04.bad(9, "UNKNOWN_UNIT", "unit code typed SWB-LCC-ZB", llc04.rows.get(8).copy().put("unit_code", "SWB-LCC-ZB")
			.put("session_id", "ZB-EXTRA").put("备注", "补录"));
		Export xwc11 = this.exports.get("SWB-XWC-ZB/202611.csv");
		xwc11.bad(2, "FUTURE_DATE", "session dated 2026-11-25, after the as-of date", xwc11.rows.get(0).copy()
			.put("session_id", "ZB20261125").put("session_date", LocalDate.of(2026, 11, 25)));
		Export xwc09 = this.exports.get("SWB-XWC-ZB/202609.csv");
		Row guest = xwc09.rows.get(1).copy().put("person_id", "P9001").put("姓名", "借调人员");
		xwc09.rows.add(2, guest); // applied, warning UNKNOWN_PERSON
		Export bjb07 = this.exports.get("BS-BJB/202607.tsv");
		Row typo = bjb07.rows.get(5);
		bjb07.rows.remove(5);
		bjb07.bad(5, "OUT_OF_RANGE", "duration 25 hours (typo for 2.5)", typo.put("duration_hours", "25"));
		Export gbc12 = this.exports.get("SWB-GBC-ZB/202512.csv");
		gbc12.rows.get(gbc12.rows.size() / 2).blankBefore = true;
		// the same monthly file delivered twice under another name: skipped as a re-delivery
		Export xjc10 = this.exports.get("SWB-XJC-ZB/202610.csv");
		Export again = export("SWB-XJC-ZB/202610_重新报送.csv", "attendance");
		again.duplicateOf = xjc10.path;
		again.note = "byte-identical copy of SWB-XJC-ZB/202610.csv: a re-delivery, skipped";
	}

	// ---------------------------------------------------------------- training

	static final String[] ONLINE = { "习近平新时代中国特色社会主义思想概论", "党的二十届四中全会精神解读", "中国式现代化的理论与实践",
			"数字政府建设与数据安全", "保密知识教育", "意识形态工作专题", "习近平文化思想学习纲要", "网络安全与舆情应对",
			"党史学习教育专题, 第一讲", "《中国共产党纪律处分条例》解读" };

	static final String[] CLASSROOM = { "省委党校处级干部进修班", "全省宣传思想文化干部培训班", "新任科级干部培训班",
			"学习贯彻党的二十届四中全会精神, 集中轮训", "全媒体传播能力提升研修班" };

	Export trainingFile(String unit, int year) {
		String path = switch (unit) {
			case "SKY" -> "SKY/学分台账" + year + ".csv";
			case "BS" -> "BS/" + year + "年干部教育培训学时.csv";
			case "JST" -> "JST/training_" + year + ".csv";
			default -> unit + "/学时学分_" + year + ".csv";
		};
		Export e = this.exports.get(path);
		if (e != null) {
			return e;
		}
		e = export(path, "training");
		switch (unit) {
			case "SKY" -> {
				e.delim = ';';
				e.cols("unit_code", "record_id", "person_id", "姓名", "course_name", "course_type", "credits", "completed_on");
				e.label("unit_code", "单位代码", "record_id", "记录编号", "person_id", "人员编号", "course_name", "课程名称",
					"course_type", "培训类型", "credits", "学分", "completed_on", "结业日期");
				e.date = DOT;
				e.words("course_type", COURSE_ZH);
				e.note = "semicolon-separated, Chinese header, dotted dates";
			}
			case "BS" -> {
				e.eol = "\r\n";
				e.cols("record_id", "unit_code", "person_id", "course_name", "course_type", "credits", "completed_on", "培训机构");
				e.label("record_id", "记录编号", "unit_code", "单位代码", "person_id", "工号", "course_name", "课程名称",
					"course_type", "课程类型", "credits", "学分", "completed_on", "完成日期");
				e.date = CN;
				e.words("course_type", COURSE_ZH);
				e.note = "CRLF, Chinese header, 年月日 dates, extra column";
			}
			case "JST" -> {
				e.cols("unit_code", "record_id", "person_id", "course_name", "credits", "completed_on");
				e.date = COMPACT;
				e.note = "no course_type column (default other), compact dates";
			}
			default -> {
				e.cols("unit_code", "record_id", "person_id", "course_name", "course_type", "credits", "completed_on");
				e.words("course_type", unit.equals("SWB-XJC") || unit.equals("SWB-XWC") ? COURSE_EN : COURSE_ZH);
				e.note = "course names with commas, quoted";
			}
		}
		return e;
	}

	record Course(String name, String type, String credits) {
	}

	Course course() {
		int r = this.rnd.nextInt(100);
		if (r < 70) {
			return new Course(ONLINE[this.rnd.nextInt(ONLINE.length)], "online", pick("1", "1.5", "2", "2", "2.5", "3"));
		}
		if (r < 85) {
			return new Course("专题讲座：" + THEORY[this.rnd.nextInt(THEORY.length)], "lecture", "1");
		}
		if (r < 97) {
			return new Course(CLASSROOM[this.rnd.nextInt(CLASSROOM.length)], "classroom", pick("4", "5", "6", "8"));
		}
		return new Course("机关读书班", "other", "2");
	}

	void training() {
		List<Person> shortBoth = new ArrayList<>();
		for (Person p : this.people) {
			if (p.creditTarget() > 0 && this.rnd.nextInt(100) < 6) {
				shortBoth.add(p);
			}
		}
		Map<String, Integer> seq = new TreeMap<>();
		record Rec(String unit, Person p, Course c, LocalDate d) {
		}
		List<Rec> recs = new ArrayList<>();
		for (int year : List.of(2025, 2026)) {
			LocalDate from = year == 2025 ? START : LocalDate.of(2026, 1, 5);
			LocalDate to = year == 2025 ? LocalDate.of(2025, 12, 30) : AS_OF;
			for (Person p : this.people) {
				LocalDate a = p.firstActive(from), b = p.lastActive(to);
				if (b.isBefore(a)) {
					continue;
				}
				int target = p.creditTarget();
				java.math.BigDecimal goal;
				if (target == 0) {
					goal = java.math.BigDecimal.valueOf(2 + this.rnd.nextInt(7));
				}
				else if (shortBoth.contains(p) || this.rnd.nextInt(100) < 12) {
					goal = java.math.BigDecimal.valueOf(target * (40 + this.rnd.nextInt(50)) / 100);
				}
				else {
					goal = java.math.BigDecimal.valueOf(target + this.rnd.nextInt(6));
				}
				java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
				boolean fail = target > 0 && goal.intValue() < target;
				while (sum.compareTo(goal) < 0) {
					Course c = course();
					java.math.BigDecimal cr = new java.math.BigDecimal(c.credits());
					if (fail && sum.add(cr).compareTo(java.math.BigDecimal.valueOf(target)) >= 0) {
						break;
					}
					sum = sum.add(cr);
					recs.add(new Rec(p.unit, p, c, between(a, b)));
				}
				if (p.degree) {
					recs.add(new Rec(p.unit, p, new Course("在职学历教育（" + (p.edu.equals("college") ? "本科" : "法学硕士") + "）课程",
							"degree", "8"), between(a, b)));
				}
			}
		}
		recs.sort(Comparator.comparing(Rec::d).thenComparing(r -> r.p().id));
		for (Rec r : recs) {
			Export e = trainingFile(r.unit(), r.d().getYear());
			int n = seq.merge(e.path, 1, Integer::sum);
			e.add(new Row().put("unit_code", r.unit()).put("record_id", "XF" + r.d().getYear() + "-" + String.format("%04d", n))
				.put("person_id", r.p().id).put("姓名", r.p().name).put("course_name", r.c().name())
				.put("course_type", r.c().type().equals("other") && r.unit().equals("SWB-GBC") ? "" : new W(r.c().type()))
				.put("credits", r.c().credits()).put("completed_on", r.d()).put("培训机构", pick("省委党校", "干部网络学院", "本单位")));
		}
		Export llc = this.exports.get("SWB-LLC/学时学分_2026.csv");
		Row fc = llc.rows.get(7).copy().put("record_id", "XF2026-0901").put("course_name", "学习贯彻党的二十届四中全会精神,专题辅导");
		fc.raw = String.join(",", llc.cols.stream().map(k -> format(llc, k, fc.v.get(k))).toList());
		llc.bad(8, "FIELD_COUNT", "unquoted comma in the course name: 8 fields for 7", fc);
		Export gbc = this.exports.get("SWB-GBC/学时学分_2026.csv");
		gbc.bad(5, "BAD_DATE", "completed_on 2026-02-30", gbc.rows.get(4).copy().put("record_id", "XF2026-0902")
			.put("completed_on", "2026-02-30"));
		Export xjc = this.exports.get("SWB-XJC/学时学分_2026.csv");
		xjc.bad(3, "MISSING_VALUE", "blank person_id (and credits 150 out of range: the first reason wins)", xjc.rows.get(2)
			.copy().put("record_id", "XF2026-0903").put("person_id", "").put("credits", "150"));
		Export bgs = this.exports.get("SWB-BGS/学时学分_2026.csv");
		bgs.bad(11, "DUPLICATE_KEY", "record_id repeated for another person", bgs.rows.get(12).copy()
			.put("record_id", bgs.rows.get(10).v.get("record_id")));
		Export sky = this.exports.get("SKY/学分台账2026.csv");
		Row empty = new Row();
		empty.raw = ";".repeat(sky.cols.size() - 1);
		sky.bad(12, "MISSING_VALUE", "a line of delimiters only", empty);
		Export jst = this.exports.get("JST/training_2026.csv");
		jst.bad(4, "BAD_NUMBER", "credits .5 (no digit before the point)", jst.rows.get(3).copy().put("record_id", "XF2026-0904")
			.put("credits", ".5"));
	}

	// ---------------------------------------------------------------- research

	static final String[] TOPICS = { "基层理论宣讲", "县级融媒体中心建设", "农村文化礼堂运行", "网络意识形态安全", "新时代文明实践中心",
			"出版单位改革, 发展情况", "社区思想政治工作", "青年理论学习小组", "公共文化服务体系", "红色资源保护利用" };

	Export researchFile(String unit, int year) {
		String path = switch (unit) {
			case "JST" -> "JST/调研" + year + (year == 2026 ? ".txt" : ".csv");
			case "SKY" -> "SKY/调研登记" + year + ".csv";
			case "BS" -> "BS/" + year + "调研.csv";
			default -> unit + "/调研台账" + year + ".csv";
		};
		Export e = this.exports.get(path);
		if (e != null) {
			return e;
		}
		e = export(path, "research");
		e.cols("unit_code", "trip_id", "person_id", "姓名", "start_date", "end_date", "topic", "report_submitted");
		switch (unit) {
			case "SWB" -> {
				e.label("unit_code", "单位代码", "trip_id", "调研编号", "person_id", "人员编号", "start_date", "开始日期",
					"end_date", "结束日期", "topic", "调研主题", "report_submitted", "是否提交调研报告");
				e.bool = yn("是", "否");
				e.note = "Chinese header, 是/否";
			}
			case "JST" -> {
				if (year == 2026) {
					e.enc = "UTF-16LE-BOM";
					e.delim = '\t';
					e.eol = "\r\n";
					e.note = "Excel \"Unicode text\": UTF-16LE with BOM, tab-separated, CRLF, 1/0";
				}
				e.bool = yn("1", "0");
			}
			case "SKY" -> {
				e.date = SLASH;
				e.bool = yn("Y", "N");
				e.note = "slash dates, Y/N";
			}
			case "BS" -> {
				e.label("report_submitted", "调研报告");
				e.date = CN;
				e.bool = yn("是", "否");
				e.note = "年月日 dates, 是/否";
			}
			default -> {
				e.bool = unit.equals("SWB-XWC") ? yn("TRUE", "FALSE") : yn("yes", "no");
			}
		}
		return e;
	}

	void research() {
		record Trip(String unit, Person p, LocalDate a, LocalDate b, boolean report) {
		}
		List<Trip> trips = new ArrayList<>();
		Person newYear = find("SWB", "bureau", 2);
		for (Person p : this.people) {
			int target = p.researchTarget();
			if (target == 0) {
				continue;
			}
			for (int year : List.of(2025, 2026)) {
				LocalDate from = year == 2025 ? START : LocalDate.of(2026, 1, 1);
				LocalDate to = year == 2025 ? LocalDate.of(2025, 12, 31) : AS_OF;
				if (p == newYear) {
					from = year == 2025 ? from : LocalDate.of(2026, 1, 6);
					to = year == 2025 ? LocalDate.of(2025, 12, 26) : to;
				}
				LocalDate a = p.firstActive(from), b = p.lastActive(to);
				int window = (int) (b.toEpochDay() - a.toEpochDay()) + 1;
				if (window < 10) {
					continue;
				}
				int days;
				if (year == 2025) {
					days = target * (25 + this.rnd.nextInt(20)) / 100;
				}
				else if (this.rnd.nextInt(100) < 78) {
					days = target + this.rnd.nextInt(15);
				}
				else {
					days = target * (50 + this.rnd.nextInt(45)) / 100;
				}
				days = Math.min(days, window * 2 / 3);
				List<Integer> lengths = new ArrayList<>();
				int left = days;
				while (left > 0) {
					int l = Math.min(left, 1 + this.rnd.nextInt(6));
					lengths.add(l);
					left -= l;
				}
				int free = window - days;
				LocalDate cursor = a;
				boolean reported = this.rnd.nextInt(100) < 85;
				int withReport = reported ? this.rnd.nextInt(lengths.size()) : -1;
				for (int i = 0; i < lengths.size(); i++) {
					int gap = free <= 0 ? 0 : this.rnd.nextInt(Math.max(1, 2 * free / (lengths.size() - i + 1)));
					free -= gap;
					cursor = cursor.plusDays(gap);
					LocalDate end = cursor.plusDays(lengths.get(i) - 1);
					trips.add(new Trip(p.unit, p, cursor, end, i == withReport || (reported && this.rnd.nextInt(100) < 20)));
					cursor = end.plusDays(1);
				}
			}
		}
		// a trip across New Year, and three people with overlapping trips (a leader joining an office's trip)
		trips.add(new Trip("SWB", newYear, LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 3), true));
		for (int k = 0; k < 3; k++) {
			Person p = find("SWB", "bureau", 3 + k);
			Trip t = trips.stream().filter(x -> x.p() == p && x.a().getYear() == 2026 && x.b().isAfter(x.a())).skip(k + 2)
				.findFirst().orElseThrow();
			String office = List.of("SWB-LLC", "SWB-XJC", "SWB-XWC").get(k);
			trips.add(new Trip(office, p, t.a().plusDays(1), t.b().plusDays(2), false));
		}
		trips.sort(Comparator.comparing(Trip::a).thenComparing(t -> t.p().id));
		Map<String, Integer> seq = new TreeMap<>();
		for (Trip t : trips) {
			Export e = researchFile(t.unit(), t.a().getYear());
			int n = seq.merge(e.path, 1, Integer::sum);
			e.add(new Row().put("unit_code", t.unit()).put("trip_id", "DY" + t.a().getYear() + "-" + String.format("%03d", n))
				.put("person_id", t.p().id).put("姓名", t.p().name).put("start_date", t.a()).put("end_date", t.b())
				.put("topic", "关于" + TOPICS[this.rnd.nextInt(TOPICS.length)] + "的调研").put("report_submitted", t.report()));
		}
		Export xwc = this.exports.get("SWB-XWC/调研台账2026.csv");
		xwc.bad(3, "BAD_CODE", "report_submitted 已提交 is not a yes/no word", xwc.rows.get(2).copy().put("trip_id", "DY2026-901")
			.put("report_submitted", "已提交"));
		Export sky = this.exports.get("SKY/调研登记2026.csv");
		sky.bad(6, "OUT_OF_RANGE", "end_date before start_date", sky.rows.get(5).copy().put("trip_id", "DY2026-902")
			.put("start_date", LocalDate.of(2026, 5, 20)).put("end_date", LocalDate.of(2026, 5, 12)));
		Export llc = this.exports.get("SWB-LLC/调研台账2026.csv");
		llc.bad(2, "BAD_DATE", "start_date 2026-02-30 and unknown unit SWB-LCC: the first reason wins", llc.rows.get(1).copy()
			.put("trip_id", "DY2026-903").put("unit_code", "SWB-LCC").put("start_date", "2026-02-30"));
		Row last = xwc.rows.get(xwc.rows.size() - 1);
		last.put("topic", "关于出版单位改革的调研\n（与报社联合开展）");
	}

	// ---------------------------------------------------------------- surveys and responses

	record Survey(String unit, String id, String title, LocalDate opened, int distributed, int questions, int returnPct) {
	}

	void surveys() {
		List<Survey> list = List.of(
				new Survey("SWB", "WJ2025-01", "机关理论学习满意度调查", LocalDate.of(2025, 10, 15), 120, 5, 80),
				new Survey("SWB", "WJ2026-01", "“学习型机关”建设情况问卷", LocalDate.of(2026, 3, 10), 110, 5, 75),
				new Survey("SWB", "WJ2026-02", "干部教育培训需求调查", LocalDate.of(2026, 6, 18), 100, 5, 70),
				new Survey("SWB", "WJ2026-03", "年度学习活动评议", LocalDate.of(2026, 11, 10), 100, 5, 40),
				new Survey("SKY", "WJ2025-01", "科研人员理论学习情况调查", LocalDate.of(2025, 12, 1), 50, 5, 86),
				new Survey("SKY", "WJ2026-01", "学术讲座效果评估", LocalDate.of(2026, 6, 1), 50, 5, 84),
				new Survey("BS", "DC-2026-01", "采编人员学习需求调研", LocalDate.of(2026, 4, 20), 60, 3, 70),
				new Survey("BS", "DC-2026-02", "“三会一课”质量评议", LocalDate.of(2026, 9, 15), 60, 3, 72));
		Export swb = export("SWB/问卷发放登记.csv", "surveys");
		swb.cols("unit_code", "survey_id", "title", "opened_on", "distributed");
		swb.label("unit_code", "单位代码", "survey_id", "问卷编号", "title", "问卷名称", "opened_on", "发放日期", "distributed", "发放份数");
		swb.date = CN;
		Export sky = export("SKY/surveys.csv", "surveys");
		sky.cols("survey_id", "title", "distributed", "opened_on", "unit_code", "channel");
		Export bs = export("BS/问卷.csv", "surveys");
		bs.cols("unit_code", "survey_id", "title", "opened_on", "distributed");
		bs.label("distributed", "发放数量");
		bs.date = SLASH;
		Map<String, Export> byUnit = Map.of("SWB", swb, "SKY", sky, "BS", bs);
		String[] suggestions = { "建议增加基层调研的比重", "希望讲座内容更贴近业务, 多一些案例", "学习时间安排可以更灵活", "建议多组织现场教学",
				"网络课程太多, 建议精简", "无" };
		Export skyResp = export("SKY/问卷结果导出.csv", "responses");
		skyResp.cols("unit_code", "survey_id", "response_id", "submitted_on", "q1", "q2", "q3", "q4", "q5", "suggestion", "ip");
		skyResp.label("q1", "Q1", "q2", "Q2");
		Export bsResp = export("BS/答卷汇总.csv", "responses");
		bsResp.eol = "\r\n";
		bsResp.cols("unit_code", "survey_id", "response_id", "submitted_on", "题1", "题2", "题3", "意见建议");
		bsResp.label("unit_code", "单位代码", "survey_id", "问卷编号", "response_id", "答卷编号", "submitted_on", "提交日期");
		bsResp.date = DOT;
		for (Survey s : list) {
			byUnit.get(s.unit()).add(new Row().put("unit_code", s.unit()).put("survey_id", s.id()).put("title", s.title())
				.put("opened_on", s.opened()).put("distributed", String.valueOf(s.distributed())).put("channel", "线上"));
			Export e = switch (s.unit()) {
				case "SKY" -> skyResp;
				case "BS" -> bsResp;
				default -> {
					Export f = export("SWB/问卷/" + s.id() + ".csv", "responses");
					f.cols("序号", "unit_code", "survey_id", "response_id", "submitted_on", "题1", "题2", "题3", "题4", "题5", "意见建议");
					f.label("unit_code", "单位代码", "survey_id", "问卷编号", "response_id", "答卷编号", "submitted_on", "提交日期");
					f.note = "Chinese header with 题1..题5";
					yield f;
				}
			};
			int n = s.distributed() * s.returnPct() / 100;
			List<LocalDate> dates = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				LocalDate d = s.opened().plusDays(this.rnd.nextInt(15));
				dates.add(d.isAfter(AS_OF) ? AS_OF : d);
			}
			dates.sort(null);
			for (int i = 0; i < n; i++) {
				Row r = new Row().put("unit_code", s.unit()).put("survey_id", s.id())
					.put("response_id", String.format("%s-%03d", s.id().substring(s.id().length() - 2), i + 1))
					.put("submitted_on", dates.get(i)).put("序号", i + 1).put("ip", "10.32." + this.rnd.nextInt(255) + "." + this.rnd.nextInt(255));
				for (int q = 1; q <= s.questions(); q++) {
					int x = this.rnd.nextInt(100);
					String score = x < 5 ? "" : x < 48 ? "5" : x < 83 ? "4" : x < 94 ? "3" : x < 98 ? "2" : "1";
					r.put("q" + q, score).put("题" + q, score);
				}
				String sug = this.rnd.nextInt(100) < 18 ? suggestions[this.rnd.nextInt(suggestions.length)] : "";
				r.put("suggestion", sug).put("意见建议", sug);
				e.add(r);
			}
		}
		Export wj = this.exports.get("SWB/问卷/WJ2026-01.csv");
		Row multi = wj.rows.get(wj.rows.size() - 1);
		multi.put("意见建议", "两点建议：\n1. 增加基层调研, 减少会议\n2. 学习资料提前下发").put("题5", "");
		wj.bad(7, "BAD_NUMBER", "q3 score 4.5 in an integer field", wj.rows.get(6).copy().put("response_id", "01-901").put("题3", "4.5"));
		skyResp.bad(10, "UNKNOWN_SURVEY", "WJ2026-03 is a survey of SWB, not of SKY", skyResp.rows.get(9).copy()
			.put("survey_id", "WJ2026-03").put("response_id", "03-901"));
	}

	// ---------------------------------------------------------------- other files

	void misc() {
		Export notes = export("SWB/notes.csv", "-");
		notes.cols("序号", "事项", "责任人", "完成时限", "备注");
		notes.add(new Row().put("序号", 1).put("事项", "报送第三季度学习情况").put("责任人", "办公室").put("完成时限", "2026-10-10").put("备注", ""));
		notes.add(new Row().put("序号", 2).put("事项", "整理中心组学习记录").put("责任人", "理论处").put("完成时限", "2026-10-31").put("备注", "含专题研讨"));
		notes.add(new Row().put("序号", 3).put("事项", "年度学分统计, 通报").put("责任人", "干部处").put("完成时限", "2026-12-15").put("备注", ""));
		notes.add(new Row().put("序号", 4).put("事项", "调研报告汇编").put("责任人", "宣传教育处").put("完成时限", "2026-12-31").put("备注", ""));
		notes.note = "an office's to-do list: recognized by no kind";
	}

	// ---------------------------------------------------------------- writing

	String format(Export e, String key, Object o) {
		if (o == null) {
			return "";
		}
		if (o instanceof LocalDate d) {
			return e.date.apply(d);
		}
		if (o instanceof Boolean b) {
			return e.bool.apply(b);
		}
		if (o instanceof W w) {
			Map<String, String[]> v = e.words.get(key);
			if (v == null) {
				return w.canonical();
			}
			String[] options = v.get(w.canonical());
			return options.length == 1 || this.rnd.nextInt(100) < 70 ? options[0] : options[1 + this.rnd.nextInt(options.length - 1)];
		}
		return o.toString();
	}

	static String quote(String s, char delim) {
		if (s.indexOf(delim) < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			return s;
		}
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	String text(Export e) {
		StringBuilder sb = new StringBuilder();
		List<String> head = new ArrayList<>();
		for (String k : e.cols) {
			head.add(quote(e.labels.getOrDefault(k, k), e.delim));
		}
		sb.append(String.join(String.valueOf(e.delim), head)).append(e.eol);
		long line = 2;
		boolean irregular = false;
		int read = 0, rejected = 0;
		for (Row r : e.rows) {
			if (r.blankBefore) {
				sb.append(e.eol);
				line++;
				irregular = true;
			}
			String rec = r.raw;
			if (rec == null) {
				List<String> f = new ArrayList<>();
				for (String k : e.cols) {
					f.add(quote(format(e, k, r.v.get(k)), e.delim));
				}
				rec = String.join(String.valueOf(e.delim), f);
			}
			read++;
			if (r.reason != null) {
				if (irregular) {
					throw new IllegalStateException(e.path + ": a bad row after a blank or multi-line row");
				}
				this.rejects.add(new String[] { e.path, String.valueOf(line), r.reason, r.why });
				rejected++;
			}
			sb.append(rec).append(e.eol);
			long nl = rec.chars().filter(c -> c == '\n').count();
			irregular |= nl > 0;
			line += 1 + nl;
		}
		if (e.blankAtEnd) {
			sb.append(e.eol);
		}
		if (e.kind.equals("-")) {
			this.rejects.add(new String[] { e.path, "", "UNKNOWN_KIND", "header matches no kind; the whole file is quarantined" });
			rejected = read;
		}
		this.inventory.add(new String[] { e.path, e.kind.equals("-") ? "" : e.kind, encName(e.enc), delimName(e.delim),
				e.eol.equals("\n") ? "LF" : "CRLF", String.valueOf(read), String.valueOf(rejected), e.note });
		return sb.toString();
	}

	static String encName(String enc) {
		return switch (enc) {
			case "UTF-8-BOM" -> "UTF-8 with BOM";
			case "UTF-16LE-BOM" -> "UTF-16LE with BOM";
			default -> enc;
		};
	}

	static String delimName(char c) {
		return c == '\t' ? "tab" : c == ';' ? "semicolon" : "comma";
	}

	static byte[] encode(String s, String enc) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		switch (enc) {
			case "UTF-8-BOM" -> {
				out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
				out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
			}
			case "UTF-16LE-BOM" -> {
				out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE });
				out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
			}
			case "GB18030" -> {
				byte[] b = s.getBytes(Charset.forName("GB18030"));
				try {
					StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
					throw new IllegalStateException("GB18030 bytes that also decode as UTF-8");
				}
				catch (CharacterCodingException expected) {
					out.writeBytes(b);
				}
			}
			default -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	void write(Path root) throws IOException {
		Path inbox = root.resolve("inbox");
		if (Files.exists(inbox)) {
			try (Stream<Path> walk = Files.walk(inbox)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> {
					try {
						Files.delete(p);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
		}
		Map<String, byte[]> written = new TreeMap<>();
		for (Export e : this.exports.values()) {
			if (e.duplicateOf != null) {
				continue;
			}
			written.put(e.path, encode(text(e), e.enc));
		}
		for (Export e : this.exports.values()) {
			if (e.duplicateOf != null) {
				written.put(e.path, written.get(e.duplicateOf));
				this.inventory.add(new String[] { e.path, "attendance", "UTF-8", "comma", "LF", "0", "0", e.note });
			}
		}
		for (Map.Entry<String, byte[]> f : written.entrySet()) {
			Path p = inbox.resolve(f.getKey());
			Files.createDirectories(p.getParent());
			Files.write(p, f.getValue());
		}
		writeDocx(inbox.resolve("JST/读书班通知.docx"));
		Files.writeString(inbox.resolve("SWB/报送说明.md"), "# 报送说明\n\n各单位每月5日前报送上月学习考勤, 每年12月报送学分台账。\n");
		this.inventory.add(new String[] { "JST/读书班通知.docx", "", "binary", "", "", "0", "0", "not an export (ignored by extension)" });
		this.inventory.add(new String[] { "SWB/报送说明.md", "", "UTF-8", "", "", "0", "0", "not an export (ignored by extension)" });
		this.inventory.sort(Comparator.comparing((String[] r) -> r[0]));
		this.rejects.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1].isEmpty() ? 0 : Long.parseLong(r[1])));

		StringBuilder rej = new StringBuilder("file,line,reason\n");
		for (String[] r : this.rejects) {
			rej.append(csv(r[0])).append(',').append(r[1]).append(',').append(r[2]).append('\n');
		}
		Files.writeString(root.resolve("expected-rejects.csv"), rej.toString());
		StringBuilder inv = new StringBuilder("file,kind,encoding,delimiter,line_ending,rows_read,rows_rejected,note\n");
		for (String[] r : this.inventory) {
			inv.append(String.join(",", Stream.of(r).map(GenerateSample::csv).toList())).append('\n');
		}
		Files.writeString(root.resolve("expected-files.csv"), inv.toString());
		Files.writeString(root.resolve("README.md"), readme());
	}

	static String csv(String s) {
		return quote(s, ',');
	}

	void writeDocx(Path p) throws IOException {
		Files.createDirectories(p.getParent());
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
			ZipEntry entry = new ZipEntry("word/document.xml");
			entry.setTime(1763596800000L);
			zip.putNextEntry(entry);
			zip.write("<w:document><w:body><w:p><w:r><w:t>关于举办2026年度读书班的通知</w:t></w:r></w:p></w:body></w:document>"
				.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
	}

	String readme() {
		Map<String, long[]> byKind = new TreeMap<>();
		for (String[] r : this.inventory) {
			if (!r[1].isEmpty()) {
				long[] a = byKind.computeIfAbsent(r[1], k -> new long[3]);
				a[0]++;
				a[1] += Long.parseLong(r[5]);
				a[2] += Long.parseLong(r[6]);
			}
		}
		StringBuilder sb = new StringBuilder();
		sb.append("""
				# sample-data: a small organization's inbox

				Generated by `java jobs/bench/GenerateSample.java --out sample-data` (fixed seed: the same
				bytes every time; do not edit the files by hand, change the generator and re-run it).

				A provincial department (省委某部, committee 党委) with 17 units in 3 levels: six offices
				(处室, type `office`), two committees below it (省社会科学院 and 省日报社, 党组), and eight
				party branches (党支部/支部/党总支) under the offices and committees. %d people (厅级, 处级,
				科级, 科员) belong to the department, its offices and the two committees; branches hold no
				people of their own (their study sessions are attended by the people of their parent unit).
				Activity runs from 2025-09 to 2026-11 and is consistent with the as-of date **2026-11-20**
				(the one `FUTURE_DATE` row excepted).

				Run it: `java -jar target/learnstats.jar run --inbox sample-data/inbox --as-of 2026-11-20`.
				The inbox is `sample-data/inbox/`: this README and the `expected-*.csv` files sit outside it
				so that they are not read as exports.

				- `expected-rejects.csv` (`file,line,reason`): every reject the run must report; `file` is
				  relative to the inbox, `line` is the 1-based physical line of the row (the header is
				  line 1), empty for a quarantined file. Every bad row sits before any blank line or
				  multi-line record of its file, so the physical line and "record number + 1" agree.
				- `expected-files.csv`: every file with its kind, encoding, delimiter, line ending, rows
				  read and rows rejected (rows_read = rows_applied + rows_rejected).

				Expected warnings: one `UNKNOWN_PERSON` (P9001, a secondee in `SWB-XWC-ZB/202609.csv`,
				line 4). Expected re-delivery: `SWB-XJC-ZB/202610_重新报送.csv` is a byte copy of
				`SWB-XJC-ZB/202610.csv` and sorts after it, so it is skipped (no rows read, no ledger entry).

				## Files by kind

				| kind | files | rows | rejected |
				|---|---:|---:|---:|
				""".formatted(this.people.size()));
		byKind.forEach((k, a) -> sb.append("| ").append(k).append(" | ").append(a[0]).append(" | ").append(a[1]).append(" | ")
			.append(a[2]).append(" |\n"));
		sb.append("""

				Layout: one folder per unit (`SWB/`, `SWB-BGS/`, ..., `SKY-DZZ/`, `BS-BJB/`). Branches
				deliver attendance monthly (`202509.csv`, `BS-BJB/202509.tsv`) or as a year-to-date register
				(`JST-ZB/2026年1-11月.csv`, `SKY-DZZ/党总支学习台账2026.csv`); committees and offices deliver
				one attendance file per year, and training and research per unit and year.

				## Files with quirks

				| file | kind | encoding | delimiter | EOL | rows | quirk |
				|---|---|---|---|---|---:|---|
				""");
		for (String[] r : this.inventory) {
			boolean monthly = r[0].matches("[A-Z-]+/\\d{6}\\.(csv|tsv)");
			boolean yearly = r[0].matches("SWB-[A-Z]{3}/.*2025\\.csv");
			if (!(monthly && !r[0].contains("/202509.") || yearly) || !r[6].equals("0")) {
				sb.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | ").append(r[2]).append(" | ").append(r[3])
					.append(" | ").append(r[4]).append(" | ").append(r[5]).append(" | ").append(r[7]).append(" |\n");
			}
		}
		sb.append("""

				(Monthly files of a branch share the style of its `202509` file.)

				## Deliberate bad rows (expected rejects)

				A row with several faults gets the first reason in the order of spec §2.3.

				| file | line | reason | what is wrong |
				|---|---:|---|---|
				""");
		for (String[] r : this.rejects) {
			sb.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | `").append(r[2]).append("` | ").append(r[3])
				.append(" |\n");
		}
		sb.append("""

				## What the numbers should show

				- Central study group (3 committees): one session a month, 6 to 8 hours; SKY has no
				  session in 2025-11 and BS none in 2026-05 (those quarters fall short), SWB's 2026-02
				  session lasted 4 hours (does not count), 2025-Q3 holds only September.
				- Branch study: 2 days a month in most months, 1 day in about one month in ten.
				- Credits: most division and section cadres reach 18 / 12 a year; about one in eight
				  falls short, a few in both 2025 and 2026 (2025 activity starts in September, with a
				  year-end rush of online courses). `remedial_count` is not written at this as-of date
				  (2025 is the only closed year and 2024 is not a reported year).
				- Research: leaders' trips of 1 to 6 days; most reach 90 / 60 / 30 days in 2026 (2025
				  only covers September to December); three bureau leaders have an overlapping trip
				  reported by an office; one trip runs 2025-12-29 .. 2026-01-03.
				- Age limit: a person born 1976-10-15 (secondary) turns 50 in 2026-Q4, one born
				  1976-11-20 turns 50 on the as-of date, one born 1977-01-10 is still 49.
				- People joining (2025-11-03, 2026-03-02, 2026-07-15, 2026-09-01) and leaving (2025-12-31,
				  2026-04-30, 2026-08-31; and 2027-01-31, after the as-of date); two in a degree programme.
				""");
		return sb.toString();
	}

}
