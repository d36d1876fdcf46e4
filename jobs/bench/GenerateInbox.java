import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a province-scale, valid (spec section 2) inbox for benchmarks.
 * <pre>
 * java jobs/bench/GenerateInbox.java --out DIR [--shape province|small-units] [--units N] [--people N] [--years 1]
 *     [--seed 42] [--start 2025-01-01] [--delta-day 2026-01-02] [--threads 2]
 * </pre>
 * {@code --shape province} (the default; 2,000 units and 200,000 people unless told): a root committee (省直机关工委) over departments (committees, 党组), each with
 * offices (处室) that have a party branch (党支部), and every fifth department with a directly
 * affiliated unit (a committee, 党委) holding two branches: 4 levels. People belong to the
 * departments, offices and affiliated units. About 100 attendance sign-ins per person a year
 * (branch study about 4 a month, office study days 2 a month, lectures, other sessions, and the
 * central study group for the leaders), about 20 training records per person a year, about one
 * research trip per person a year (leaders only), 4 surveys per department a year with their
 * responses.
 * <p>
 * {@code --shape small-units} (2,041 units and 100,000 people unless told): an organization of many
 * small units, as a large state enterprise: a root committee (集团党委) over committees (二级单位党委,
 * about 1 for 50 branches), each over about 50 party branches (党支部) of about 50 people each
 * (30 to 70); people belong to the branches, a committee's leaders (bureau rank) to its first,
 * 机关 branch. About 50 attendance sign-ins per person a year: branch study 2 to 4 a month, a
 * committee lecture in 6 months of 10, another committee session in 4 of 10, the committees'
 * central study groups (their leaders) and the root's (each committee's two first leaders). About
 * 10 training records per person a year, research trips as in the province (about one per
 * non-staff person), 4 surveys per committee a year with their responses. The committees are the
 * folders and report training, research and surveys; the root holds only its central group.
 * <p>
 * Files: {@code units.csv}; per department {@code <dept>/people.csv},
 * {@code <dept>/<unit>/attendance-YYYYMM.csv} (one per unit and month),
 * {@code <dept>/training-YYYYMM.csv}, {@code <dept>/research-YYYYMM.csv},
 * {@code <dept>/surveys-YYYY.csv}, {@code <dept>/responses-YYYY.csv}. English headers in the
 * canonical column order of the store, ISO dates, comma-separated, UTF-8, LF: the files load as
 * they are with {@code psql \copy ... CSV HEADER}.
 * <p>
 * {@code --delta-day D} writes instead the night's delta of day D into DIR (same units, people and
 * seed as the full inbox): the attendance of the sessions held on D, per unit
 * ({@code <dept>/<unit>/attendance-YYYYMMDD.csv}) and the training records completed on D, per
 * department ({@code <dept>/training-YYYYMMDD.csv}).
 * <p>
 * Every random choice comes from a generator seeded by (seed, unit or department, month, purpose),
 * so the same arguments give byte-identical files whatever the number of threads.
 */
public class GenerateInbox {

	static final byte COMMITTEE = 0, BRANCH = 1, OFFICE = 2;

	static final String[] UNIT_TYPES = { "committee", "branch", "office" };

	static final byte BUREAU = 0, DIVISION = 1, SECTION = 2, STAFF = 3;

	static final String[] RANKS = { "bureau", "division", "section", "staff" };

	static final String[] EDUCATIONS = { "postgraduate", "bachelor", "college", "secondary" };

	static final String[] DEPARTMENTS = { "省发展改革委", "省教育厅", "省科技厅", "省工业和信息化厅", "省民族宗教委", "省公安厅", "省民政厅",
			"省司法厅", "省财政厅", "省人力资源社会保障厅", "省自然资源厅", "省生态环境厅", "省住房城乡建设厅", "省交通运输厅", "省水利厅",
			"省农业农村厅", "省商务厅", "省文化和旅游厅", "省卫生健康委", "省退役军人事务厅", "省应急管理厅", "省审计厅", "省外办",
			"省国资委", "省市场监管局", "省广电局", "省体育局", "省统计局", "省医保局", "省机关事务管理局", "省信访局", "省粮食和储备局",
			"省林业局", "省地方金融管理局", "省数据局", "省乡村振兴局", "省档案馆", "省社会科学院", "省委党校", "省日报社" };

	static final String[] OFFICES = { "办公室", "政策法规处", "发展规划处", "财务处", "人事处", "机关党委办公室", "综合处", "督查处",
			"信息中心", "调研处", "宣传处", "科技处", "审批服务处", "安全监管处", "对外合作处", "老干部处" };

	static final String[] AFFILIATES = { "直属事业单位党委", "机关服务中心党委", "研究院党委", "监测中心党委" };

	static final String[] SUBSIDIARIES = { "第一工程局", "第二工程局", "第三工程局", "第四工程局", "华北分公司", "华东分公司", "华南分公司",
			"西南分公司", "西北分公司", "东北分公司", "华中分公司", "设计研究院", "勘察设计院", "物资贸易公司", "投资发展公司", "装备制造公司",
			"电力工程公司", "路桥建设公司", "城市建设公司", "海外事业部", "国际工程公司", "房地产开发公司", "检测认证中心", "培训中心",
			"财务公司", "信息技术公司", "铁路建设公司", "港航工程公司", "水利水电公司", "新能源公司" };

	static final String[] BRANCH_PLACES = { "项目部", "工区", "车间", "分公司", "经营部", "技术中心", "作业队", "营业部" };

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万钱戴严孔常汤康易乔赖文";

	static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌宇浩凯健俊帆帅旭宁琳雪晨欣佳怡子涵博文思远建国志海燕立新晓东卫春梅丹彤颖慧鑫";

	static final String[] COURSES = { "习近平新时代中国特色社会主义思想概论", "党的二十届四中全会精神解读", "中国式现代化的理论与实践",
			"数字政府建设与数据安全", "保密知识教育", "意识形态工作专题", "习近平文化思想学习纲要", "网络安全与舆情应对",
			"\"党史学习教育专题, 第一讲\"", "《中国共产党纪律处分条例》解读", "依法行政能力提升", "统计法律法规解读", "公文写作与处理",
			"领导干部心理健康", "生态文明建设专题", "乡村全面振兴专题", "高质量发展专题研讨", "廉洁从政警示教育" };

	static final String[] COURSE_TYPES = { "online", "online", "online", "online", "online", "online", "online", "online", "online",
			"online", "online", "online", "online", "lecture", "lecture", "classroom", "classroom", "other" };

	static final String[] COURSE_CREDITS = { "1", "1.5", "2", "2", "2.5", "3", "1", "1.5", "2", "1", "2", "1.5", "2", "1", "1", "6", "4",
			"2" };

	static final String[] TOPICS = { "关于基层减负情况的调研", "关于营商环境建设的调研", "关于县域经济发展的调研", "关于数字化转型的调研",
			"关于乡村振兴重点帮扶的调研", "\"关于安全生产, 应急保障的调研\"", "关于民生实事落实情况的调研", "关于政策落地见效的调研" };

	static final String[] SURVEY_TITLES = { "理论学习满意度调查", "干部教育培训需求调查", "学习型机关建设情况问卷", "年度学习活动评议" };

	static final String[] SUGGESTIONS = { "建议增加基层调研", "\"希望讲座更贴近业务, 多些案例\"", "学习时间安排可以更灵活", "建议多组织现场教学",
			"网络课程建议精简" };

	static final byte[] NL = { '\n' };

	// ------------------------------------------------------------------ arguments

	final Path out;

	/** {@code --shape small-units}: many small branches under committees (else the province). */
	final boolean small;

	final int nUnits, nPeople, years, threads;

	final long seed;

	final LocalDate start, end, deltaDay;

	// ------------------------------------------------------------------ the organization

	final List<String> uCode = new ArrayList<>();

	final List<String> uName = new ArrayList<>();

	final List<Integer> uParent = new ArrayList<>();

	final List<Byte> uType = new ArrayList<>();

	/** Departments (the root first): folders, reporting units for training, research, surveys. */
	final List<Dept> depts = new ArrayList<>();

	/** Per unit: the people attending its sessions, by purpose. */
	int[][] holders, branchMembers, leaders, subtreePeople;

	// people, indexed 0..nPeople-1
	byte[][] pid;

	String[] pname;

	int[] punit;

	byte[] prank, pedu;

	int[] pbirth, pjoin, pleft;

	boolean[] pdegree;

	byte[][] dates; // ISO date bytes by (epochDay - dateBase)

	int dateBase;

	final AtomicLong files = new AtomicLong(), bytes = new AtomicLong();

	final AtomicLong[] rows = { new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
			new AtomicLong(), new AtomicLong() };

	static final String[] KINDS = { "units", "people", "surveys", "attendance", "training", "research", "responses" };

	static final class Dept {

		final int unit;

		final List<Integer> units = new ArrayList<>();

		int[] people;

		Dept(int unit) {
			this.unit = unit;
		}

	}

	GenerateInbox(String[] args) {
		Path o = null;
		String shape = "province";
		Integer u = null, p = null;
		int y = 1, t = Math.min(2, Runtime.getRuntime().availableProcessors());
		long s = 42;
		LocalDate st = LocalDate.of(2025, 1, 1), dd = null;
		for (int i = 0; i < args.length; i++) {
			String v = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--out" -> o = Path.of(v);
				case "--shape" -> shape = v;
				case "--units" -> u = Integer.parseInt(v);
				case "--people" -> p = Integer.parseInt(v);
				case "--years" -> y = Integer.parseInt(v);
				case "--seed" -> s = Long.parseLong(v);
				case "--start" -> st = LocalDate.parse(v);
				case "--delta-day" -> dd = LocalDate.parse(v);
				case "--threads" -> t = Integer.parseInt(v);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
			i++;
		}
		boolean sm = "small-units".equals(shape);
		if (u == null) {
			u = sm ? 2041 : 2000;
		}
		if (p == null) {
			p = sm ? 100000 : 200000;
		}
		if (o == null || u < 3 || p < u || !(sm || "province".equals(shape))) {
			throw new IllegalArgumentException("usage: --out DIR [--shape province|small-units] [--units N>=3] [--people N>=units] "
					+ "[--years N] [--seed N] [--start YYYY-MM-01] [--delta-day YYYY-MM-DD] [--threads N]");
		}
		this.out = o;
		this.small = sm;
		this.nUnits = u;
		this.nPeople = p;
		this.years = y;
		this.seed = s;
		this.start = st;
		this.end = st.plusYears(y).minusDays(1);
		this.deltaDay = dd;
		this.threads = Math.max(1, t);
	}

	public static void main(String[] args) throws Exception {
		GenerateInbox g;
		try {
			g = new GenerateInbox(args);
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		long t0 = System.nanoTime();
		g.run();
		double secs = (System.nanoTime() - t0) / 1e9;
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < KINDS.length; k++) {
			if (g.rows[k].get() > 0) {
				sb.append(' ').append(KINDS[k]).append('=').append(g.rows[k].get());
			}
		}
		System.out.printf("wrote %d files, %.1f MB, rows:%s in %.1f s%n", g.files.get(), g.bytes.get() / 1e6, sb, secs);
	}

	// ------------------------------------------------------------------ randomness

	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	SplittableRandom rng(long a, long b, long c) {
		return new SplittableRandom(mix(mix(mix(this.seed * 0x9E3779B97F4A7C15L + a) + b) + c));
	}

	// ------------------------------------------------------------------ build

	int addUnit(String code, String name, int parent, byte type) {
		this.uCode.add(code);
		this.uName.add(name);
		this.uParent.add(parent);
		this.uType.add(type);
		return this.uCode.size() - 1;
	}

	/** A committee that is a folder of its own and reports training, research and surveys. */
	Dept addDept(String code, String name, int parent) {
		Dept dept = new Dept(addUnit(code, name, parent, COMMITTEE));
		dept.units.add(dept.unit);
		this.depts.add(dept);
		return dept;
	}

	/** names[i], numbered from the second round through the list on: 省教育厅（2）. */
	static String numbered(String[] names, int i) {
		return names[i % names.length] + (i >= names.length ? "（" + (i / names.length + 1) + "）" : "");
	}

	void buildUnits() {
		if (this.small) {
			buildSmallUnits();
		}
		else {
			buildProvince();
		}
		if (this.uCode.size() != this.nUnits) {
			throw new IllegalStateException("built " + this.uCode.size() + " units for " + this.nUnits);
		}
	}

	/** The root, committees (one for about 50 branches) and their branches, the first of each its 机关 branch. */
	void buildSmallUnits() {
		int root = addDept("JT", "集团公司党委", -1).unit;
		int c = Math.max(1, (int) Math.round((this.nUnits - 1) / 51.0));
		int branches = this.nUnits - 1 - c;
		for (int i = 0; i < c; i++) {
			String code = String.format("C%03d", i + 1);
			String name = numbered(SUBSIDIARIES, i);
			Dept dept = addDept(code, name + "党委", root);
			int cu = dept.unit;
			int n = branches / c + (i < branches % c ? 1 : 0);
			for (int k = 0; k < n; k++) {
				String bn = k < 3 ? "机关第" + "一二三".charAt(k) + "党支部"
						: "第" + ((k - 3) / BRANCH_PLACES.length + 1) + BRANCH_PLACES[(k - 3) % BRANCH_PLACES.length] + "党支部";
				dept.units.add(addUnit(String.format("%s-ZB%03d", code, k + 1), name + bn, cu, BRANCH));
			}
		}
	}

	void buildProvince() {
		int root = addDept("GW", "省直机关工委", -1).unit;
		int d = Math.max(1, (int) Math.round((this.nUnits - 1) / 19.6));
		int subs = d / 5;
		while (1 + d + 3 * subs > this.nUnits) {
			if (subs > 0) {
				subs--;
			}
			else {
				d--;
			}
		}
		int remaining = this.nUnits - 1 - d - 3 * subs;
		int[] offices = new int[d];
		for (int i = 0; i < remaining / 2; i++) {
			offices[i % d]++;
		}
		boolean lonelyOffice = remaining % 2 == 1;
		for (int i = 0; i < d; i++) {
			String code = String.format("D%03d", i + 1);
			String name = numbered(DEPARTMENTS, i);
			Dept dept = addDept(code, name, root);
			int du = dept.unit;
			for (int k = 0; k < offices[i]; k++) {
				String on = OFFICES[k % OFFICES.length] + (k >= OFFICES.length ? (k / OFFICES.length + 1) : "");
				int ou = addUnit(String.format("%s-%02d", code, k + 1), name + on, du, OFFICE);
				dept.units.add(ou);
				dept.units.add(addUnit(String.format("%s-%02d-ZB", code, k + 1), name + on + "党支部", ou, BRANCH));
			}
			if (lonelyOffice && i == d - 1) {
				dept.units.add(addUnit(code + "-DA", name + "档案室", du, OFFICE));
			}
			if (i % 5 == 4 && i / 5 < subs) {
				int su = addUnit(code + "-Z1", name + AFFILIATES[(i / 5) % AFFILIATES.length], du, COMMITTEE);
				dept.units.add(su);
				dept.units.add(addUnit(code + "-Z1-ZB1", name + "直属单位第一党支部", su, BRANCH));
				dept.units.add(addUnit(code + "-Z1-ZB2", name + "直属单位第二党支部", su, BRANCH));
			}
		}
	}

	int epoch(LocalDate d) {
		return (int) d.toEpochDay();
	}

	LocalDate day(int epochDay) {
		return LocalDate.ofEpochDay(epochDay);
	}

	/** Per unit, its own people: ~50 per branch (30 to 70) in the small-units shape, none in committees. */
	int[] smallUnitCounts() {
		int n = this.nUnits;
		SplittableRandom r = rng(7, 0, 0);
		double[] weight = new double[n];
		int branches = 0;
		for (int u = 0; u < n; u++) {
			if (this.uType.get(u) == BRANCH) {
				weight[u] = 0.6 + 0.8 * r.nextDouble();
				branches++;
			}
		}
		double total = Arrays.stream(weight).sum();
		int rest = this.nPeople - branches;
		int[] count = new int[n];
		int assigned = 0;
		for (int u = 0; u < n; u++) {
			if (weight[u] > 0) {
				count[u] = 1 + (int) Math.floor(rest * weight[u] / total);
				assigned += count[u];
			}
		}
		for (int u = 0; assigned < this.nPeople; u = (u + 1) % n) {
			if (weight[u] > 0) {
				count[u]++;
				assigned++;
			}
		}
		return count;
	}

	/** Per unit, its own people in the province: offices, departments, affiliated committees, the root. */
	int[] provinceCounts() {
		int n = this.nUnits;
		// people-holding units: the root, departments, offices, affiliated committees (not branches)
		double[] weight = new double[n];
		for (int u = 0; u < n; u++) {
			byte t = this.uType.get(u);
			int parent = this.uParent.get(u);
			if (u == 0) {
				continue;
			}
			if (t == OFFICE) {
				weight[u] = 1;
			}
			else if (t == COMMITTEE) {
				weight[u] = parent == 0 ? 0.3 : 4;
			}
		}
		double total = Arrays.stream(weight).sum();
		int rootPeople = Math.max(1, this.nPeople / 200);
		int rest = this.nPeople - rootPeople;
		int[] count = new int[n];
		count[0] = rootPeople;
		int assigned = rootPeople;
		for (int u = 1; u < n; u++) {
			count[u] = (int) Math.floor(rest * weight[u] / total);
			assigned += count[u];
		}
		for (int u = 1; assigned < this.nPeople; u = u % (n - 1) + 1) {
			if (weight[u] > 0) {
				count[u]++;
				assigned++;
			}
		}
		return count;
	}

	void buildPeople() {
		int n = this.nUnits;
		int[] count = this.small ? smallUnitCounts() : provinceCounts();
		this.pid = new byte[this.nPeople][];
		this.pname = new String[this.nPeople];
		this.punit = new int[this.nPeople];
		this.prank = new byte[this.nPeople];
		this.pedu = new byte[this.nPeople];
		this.pbirth = new int[this.nPeople];
		this.pjoin = new int[this.nPeople];
		this.pleft = new int[this.nPeople];
		this.pdegree = new boolean[this.nPeople];
		SplittableRandom r = rng(1, 0, 0);
		int i = 0;
		int first = epoch(this.start), last = epoch(this.end);
		for (int u = 0; u < n; u++) {
			byte t = this.uType.get(u);
			boolean deptUnit = t == COMMITTEE && this.uParent.get(u) == 0;
			for (int k = 0; k < count[u]; k++, i++) {
				this.pid[i] = ascii(String.format("P%07d", i + 1));
				this.pname[i] = name(r);
				this.punit[i] = u;
				int x = r.nextInt(100);
				byte rank;
				if (this.small) { // a committee's leaders in its first (机关) branch, a secretary heading every branch
					boolean organ = this.uCode.get(u).endsWith("-ZB001");
					rank = organ && k < 6 ? BUREAU : k == 0 || x < (organ ? 20 : 3) ? DIVISION : x < (organ ? 60 : 20) ? SECTION : STAFF;
				}
				else if (u == 0 || deptUnit) {
					rank = k < 3 || x < 30 ? BUREAU : x < 75 ? DIVISION : SECTION;
				}
				else if (t == OFFICE) {
					rank = k < 2 || x < 6 ? DIVISION : x < 42 ? SECTION : STAFF;
				}
				else {
					rank = k < 2 ? BUREAU : x < 12 ? DIVISION : x < 45 ? SECTION : STAFF;
				}
				this.prank[i] = rank;
				int e = r.nextInt(100);
				this.pedu[i] = (byte) (e < 20 ? 0 : e < 75 ? 1 : e < 92 ? 2 : 3);
				int minAge = rank == BUREAU ? 45 : rank == DIVISION ? 35 : rank == SECTION ? 27 : 22;
				int age = minAge + r.nextInt(60 - minAge);
				this.pbirth[i] = first - age * 365 - r.nextInt(365);
				int j = r.nextInt(100);
				this.pjoin[i] = j < 40 ? Integer.MIN_VALUE : j < 97 ? first - 1 - r.nextInt(365 * (age - 21)) : first + r.nextInt(last - first + 1);
				int l = r.nextInt(100);
				this.pleft[i] = l < 3 ? Math.max(this.pjoin[i], first) + 1 + r.nextInt(Math.max(1, last - Math.max(this.pjoin[i], first)))
						: Integer.MAX_VALUE;
				this.pdegree[i] = r.nextInt(100) < 2;
			}
		}
		// membership lists
		List<List<Integer>> hold = new ArrayList<>();
		for (int u = 0; u < n; u++) {
			hold.add(new ArrayList<>());
		}
		for (int p = 0; p < this.nPeople; p++) {
			hold.get(this.punit[p]).add(p);
		}
		this.holders = new int[n][];
		this.branchMembers = new int[n][];
		this.leaders = new int[n][];
		this.subtreePeople = new int[n][];
		for (int u = 0; u < n; u++) {
			this.holders[u] = hold.get(u).stream().mapToInt(Integer::intValue).toArray();
		}
		if (this.small) {
			smallUnitMembership();
			return;
		}
		for (int u = 0; u < n; u++) {
			byte t = this.uType.get(u);
			int parent = this.uParent.get(u);
			if (t == BRANCH) {
				int[] of = this.holders[parent];
				if (this.uType.get(parent) == OFFICE) {
					this.branchMembers[u] = of;
				}
				else { // the two branches of an affiliated committee split its people
					int half = this.uCode.get(u).endsWith("ZB1") ? 0 : 1;
					this.branchMembers[u] = java.util.stream.IntStream.range(0, of.length).filter(x -> x % 2 == half).map(x -> of[x]).toArray();
				}
			}
		}
		for (Dept d : this.depts) {
			List<Integer> all = new ArrayList<>();
			for (int u : d.units) {
				for (int p : this.holders[u]) {
					all.add(p);
				}
			}
			d.people = all.stream().mapToInt(Integer::intValue).sorted().toArray();
			for (int u : d.units) {
				if (this.uType.get(u) != COMMITTEE) {
					continue;
				}
				List<Integer> lead = new ArrayList<>();
				List<Integer> sub = new ArrayList<>();
				for (int p : this.holders[u]) {
					sub.add(p);
					if (this.prank[p] <= DIVISION) {
						lead.add(p);
					}
				}
				if (u == d.unit) { // a department's central group takes in its offices' heads; its lectures its offices
					for (int o : d.units) {
						if (this.uType.get(o) == OFFICE) {
							int taken = 0;
							for (int p : this.holders[o]) {
								sub.add(p);
								if (this.prank[p] == DIVISION && taken++ < 2) {
									lead.add(p);
								}
							}
						}
					}
				}
				this.leaders[u] = lead.stream().mapToInt(Integer::intValue).sorted().toArray();
				this.subtreePeople[u] = sub.stream().mapToInt(Integer::intValue).sorted().toArray();
			}
		}
	}

	/**
	 * Small units: a branch studies with its own people; a committee's lectures and other sessions take in
	 * all its branches, its central group its leaders (bureau rank); the root's central group takes the
	 * two first leaders of each committee, and the root holds nothing else.
	 */
	void smallUnitMembership() {
		List<Integer> rootLeaders = new ArrayList<>();
		for (Dept d : this.depts) {
			List<Integer> all = new ArrayList<>();
			for (int u : d.units) {
				for (int p : this.holders[u]) {
					all.add(p);
				}
				if (this.uType.get(u) == BRANCH) {
					this.branchMembers[u] = this.holders[u];
				}
			}
			d.people = all.stream().mapToInt(Integer::intValue).sorted().toArray();
			this.subtreePeople[d.unit] = d.people;
			this.leaders[d.unit] = Arrays.stream(d.people).filter(p -> this.prank[p] == BUREAU).toArray();
			for (int j = 0; j < Math.min(2, this.leaders[d.unit].length); j++) {
				rootLeaders.add(this.leaders[d.unit][j]);
			}
		}
		this.leaders[0] = rootLeaders.stream().mapToInt(Integer::intValue).sorted().toArray();
		this.subtreePeople[0] = new int[0];
	}

	String name(SplittableRandom r) {
		StringBuilder sb = new StringBuilder(3);
		sb.append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
		int k = r.nextInt(10) < 7 ? 2 : 1;
		for (int j = 0; j < k; j++) {
			sb.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
		}
		return sb.toString();
	}

	static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	boolean active(int p, int day) {
		return this.pjoin[p] <= day && this.pleft[p] > day;
	}

	// ------------------------------------------------------------------ output

	final class Csv implements AutoCloseable {

		final OutputStream os;

		final byte[] buf = new byte[1 << 18];

		int n;

		long total;

		final int kind;

		long count;

		final Path path;

		Csv(Path p, int kind, String header) throws IOException {
			this.path = p;
			Files.createDirectories(p.getParent());
			this.os = Files.newOutputStream(p);
			this.kind = kind;
			put(ascii(header));
			put(NL);
		}

		Csv put(byte[] b) throws IOException {
			if (this.n + b.length > this.buf.length) {
				flush();
				if (b.length > this.buf.length) {
					this.os.write(b);
					this.total += b.length;
					return this;
				}
			}
			System.arraycopy(b, 0, this.buf, this.n, b.length);
			this.n += b.length;
			return this;
		}

		Csv put(char c) throws IOException {
			if (this.n == this.buf.length) {
				flush();
			}
			this.buf[this.n++] = (byte) c;
			return this;
		}

		Csv put(String s) throws IOException {
			return put(s.getBytes(StandardCharsets.UTF_8));
		}

		Csv putInt(int v, int width) throws IOException {
			if (this.n + 12 > this.buf.length) {
				flush();
			}
			int len = Math.max(width, v == 0 ? 1 : (int) Math.log10(v) + 1);
			for (int i = len - 1; i >= 0; i--) {
				this.buf[this.n + i] = (byte) ('0' + v % 10);
				v /= 10;
			}
			this.n += len;
			return this;
		}

		void endRow() throws IOException {
			put('\n');
			this.count++;
		}

		void flush() throws IOException {
			this.os.write(this.buf, 0, this.n);
			this.total += this.n;
			this.n = 0;
		}

		@Override
		public void close() throws IOException {
			flush();
			this.os.close();
			if (this.count == 0 && this.kind >= 2) {
				// no header-only files: two of them would be byte-identical, i.e. a re-delivery
				Files.delete(this.path);
				return;
			}
			GenerateInbox.this.files.incrementAndGet();
			GenerateInbox.this.bytes.addAndGet(this.total);
			GenerateInbox.this.rows[this.kind].addAndGet(this.count);
		}

	}

	byte[] date(int epochDay) {
		return this.dates[epochDay - this.dateBase];
	}

	// ------------------------------------------------------------------ run

	void run() throws Exception {
		buildUnits();
		buildPeople();
		LocalDate last = this.deltaDay != null && this.deltaDay.isAfter(this.end) ? YearMonth.from(this.deltaDay).atEndOfMonth() : this.end;
		this.dateBase = epoch(this.start.minusDays(1));
		int span = epoch(last) - this.dateBase + 2;
		this.dates = new byte[span][];
		for (int i = 0; i < span; i++) {
			this.dates[i] = ascii(day(this.dateBase + i).toString());
		}
		Files.createDirectories(this.out);
		if (this.deltaDay == null) {
			writeUnits();
		}
		ExecutorService pool = Executors.newFixedThreadPool(this.threads);
		List<Future<?>> jobs = new ArrayList<>();
		for (Dept d : this.depts) {
			jobs.add(pool.submit(() -> {
				try {
					if (this.deltaDay == null) {
						writeDept(d);
					}
					else {
						writeDelta(d);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
		}
		try {
			for (Future<?> f : jobs) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	String folder(Dept d) {
		return this.uCode.get(d.unit);
	}

	void writeUnits() throws IOException {
		try (Csv c = new Csv(this.out.resolve("units.csv"), 0, "unit_code,unit_name,parent_code,unit_type")) {
			for (int u = 0; u < this.nUnits; u++) {
				int p = this.uParent.get(u);
				c.put(this.uCode.get(u)).put(',').put(this.uName.get(u)).put(',').put(p < 0 ? "" : this.uCode.get(p)).put(',')
					.put(UNIT_TYPES[this.uType.get(u)]).endRow();
			}
		}
	}

	List<YearMonth> months() {
		List<YearMonth> list = new ArrayList<>();
		for (YearMonth m = YearMonth.from(this.start); !m.isAfter(YearMonth.from(this.end)); m = m.plusMonths(1)) {
			list.add(m);
		}
		return list;
	}

	void writeDept(Dept d) throws IOException {
		String f = folder(d);
		if (this.small && d.people.length == 0) { // the small-units root: its central group only
			writeAttendance(d, f);
			return;
		}
		try (Csv c = new Csv(this.out.resolve(f).resolve("people.csv"), 1,
				"person_id,name,unit_code,rank,education,birth_date,joined_on,left_on,in_degree_program")) {
			for (int p : d.people) {
				c.put(this.pid[p]).put(',').put(this.pname[p]).put(',').put(this.uCode.get(this.punit[p])).put(',')
					.put(RANKS[this.prank[p]]).put(',').put(EDUCATIONS[this.pedu[p]]).put(',')
					.put(day(this.pbirth[p]).toString()).put(',');
				if (this.pjoin[p] != Integer.MIN_VALUE) {
					c.put(day(this.pjoin[p]).toString());
				}
				c.put(',');
				if (this.pleft[p] != Integer.MAX_VALUE) {
					c.put(day(this.pleft[p]).toString());
				}
				c.put(',').put(this.pdegree[p] ? "yes" : "no").endRow();
			}
		}
		for (YearMonth m : months()) {
			String ym = String.format("%04d%02d", m.getYear(), m.getMonthValue());
			writeAttendance(d, f, m, ym);
			try (Csv c = new Csv(this.out.resolve(f).resolve("training-" + ym + ".csv"), 4, TRAINING_HEADER)) {
				writeTraining(c, d, m, -1);
			}
			try (Csv c = new Csv(this.out.resolve(f).resolve("research-" + ym + ".csv"), 5,
					"unit_code,trip_id,person_id,start_date,end_date,topic,report_submitted")) {
				writeResearch(c, d, m);
			}
		}
		for (int y = this.start.getYear(); y <= this.end.getYear(); y++) {
			List<int[]> surveys = surveys(d, y);
			if (surveys.isEmpty()) {
				continue;
			}
			try (Csv c = new Csv(this.out.resolve(f).resolve("surveys-" + y + ".csv"), 2,
					"unit_code,survey_id,title,opened_on,distributed")) {
				for (int[] s : surveys) {
					c.put(this.uCode.get(d.unit)).put(',').put("S" + y + "-" + s[0]).put(',').put(SURVEY_TITLES[(s[0] - 1) % 4])
						.put(',').put(date(s[1])).put(',').putInt(s[2], 1).endRow();
				}
			}
			try (Csv c = new Csv(this.out.resolve(f).resolve("responses-" + y + ".csv"), 6,
					"unit_code,survey_id,response_id,submitted_on,q1,q2,q3,q4,q5,suggestion")) {
				writeResponses(c, d, y, surveys);
			}
		}
	}

	void writeAttendance(Dept d, String f) throws IOException {
		for (YearMonth m : months()) {
			writeAttendance(d, f, m, String.format("%04d%02d", m.getYear(), m.getMonthValue()));
		}
	}

	void writeAttendance(Dept d, String f, YearMonth m, String ym) throws IOException {
		for (int u : d.units) {
			List<Session> sessions = sessions(u, m);
			if (sessions.isEmpty()) {
				continue;
			}
			try (Csv c = new Csv(this.out.resolve(f).resolve(this.uCode.get(u)).resolve("attendance-" + ym + ".csv"), 3,
					ATTENDANCE_HEADER)) {
				writeSessions(c, u, m, sessions, -1);
			}
		}
	}

	void writeDelta(Dept d) throws IOException {
		String f = folder(d);
		YearMonth m = YearMonth.from(this.deltaDay);
		int day = epoch(this.deltaDay);
		String ymd = this.deltaDay.toString().replace("-", "");
		for (int u : d.units) {
			List<Session> sessions = sessions(u, m).stream().filter(s -> s.day == day).toList();
			if (sessions.isEmpty()) {
				continue;
			}
			try (Csv c = new Csv(this.out.resolve(f).resolve(this.uCode.get(u)).resolve("attendance-" + ymd + ".csv"), 3,
					ATTENDANCE_HEADER)) {
				writeSessions(c, u, m, sessions, day);
			}
		}
		try (Csv c = new Csv(this.out.resolve(f).resolve("training-" + ymd + ".csv"), 4, TRAINING_HEADER)) {
			writeTraining(c, d, m, day);
		}
	}

	static final String ATTENDANCE_HEADER = "unit_code,session_id,session_date,session_type,duration_hours,person_id,status";

	static final String TRAINING_HEADER = "unit_code,record_id,person_id,course_name,course_type,credits,completed_on";

	// ------------------------------------------------------------------ attendance

	record Session(int day, String type, String id, String hours, int[] members) {
	}

	static final byte[][] STATUS = { ascii("present"), ascii("late"), ascii("excused"), ascii("absent") };

	int[] weekdays(YearMonth m) {
		int[] days = new int[23];
		int k = 0;
		for (int d = 1; d <= m.lengthOfMonth(); d++) {
			LocalDate x = m.atDay(d);
			if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) {
				days[k++] = epoch(x);
			}
		}
		return Arrays.copyOf(days, k);
	}

	int[] distinctDays(SplittableRandom r, int[] weekdays, int n) {
		n = Math.min(n, weekdays.length);
		int[] pool = weekdays.clone();
		for (int i = 0; i < n; i++) {
			int j = i + r.nextInt(pool.length - i);
			int t = pool[i];
			pool[i] = pool[j];
			pool[j] = t;
		}
		int[] res = Arrays.copyOf(pool, n);
		Arrays.sort(res);
		return res;
	}

	/** The sessions unit u holds in month m, the same whichever mode asks. */
	List<Session> sessions(int u, YearMonth m) {
		SplittableRandom r = rng(2, u, m.getYear() * 12L + m.getMonthValue());
		int[] wd = weekdays(m);
		List<Session> list = new ArrayList<>();
		byte t = this.uType.get(u);
		if (this.small) {
			smallUnitSessions(r, u, wd, list);
		}
		else if (t == BRANCH) {
			int x = r.nextInt(100);
			int n = x < 5 ? 1 : x < 20 ? 3 : x < 60 ? 4 : 5;
			for (int day : distinctDays(r, wd, n)) {
				list.add(new Session(day, "branch_study", "ZB" + compact(day), pick(r, "1.5", "2", "2", "2.5", "3"), this.branchMembers[u]));
			}
		}
		else if (t == OFFICE) {
			for (int day : distinctDays(r, wd, 2 + r.nextInt(2))) {
				list.add(new Session(day, "study_day", "XXR" + compact(day), "3", this.holders[u]));
			}
		}
		else {
			int cg = r.nextInt(100) < 8 ? 2 : r.nextInt(100) < 6 ? 0 : 1;
			for (int day : distinctDays(r, wd, cg)) {
				String hours = r.nextInt(100) < 10 ? pick(r, "3.5", "4") : pick(r, "6", "6.5", "7", "8");
				list.add(new Session(day, "central_group", "ZXZ" + compact(day), hours, this.leaders[u]));
			}
			for (int day : distinctDays(r, wd, 1 + r.nextInt(2))) {
				list.add(new Session(day, "lecture", "JZ" + compact(day), "2.5", this.subtreePeople[u]));
			}
			if (r.nextBoolean()) {
				for (int day : distinctDays(r, wd, 1)) {
					list.add(new Session(day, "other", "QT" + compact(day), "2", this.subtreePeople[u]));
				}
			}
		}
		list.sort((a, b) -> a.day != b.day ? Integer.compare(a.day, b.day) : a.id.compareTo(b.id));
		return list;
	}

	/** Small units: branch study 2 to 4 days a month (1 in a few months), a committee's group, lecture and other session. */
	void smallUnitSessions(SplittableRandom r, int u, int[] wd, List<Session> list) {
		if (this.uType.get(u) == BRANCH) {
			int x = r.nextInt(100);
			int n = x < 3 ? 1 : x < 15 ? 2 : x < 58 ? 3 : 4;
			for (int day : distinctDays(r, wd, n)) {
				list.add(new Session(day, "branch_study", "ZB" + compact(day), pick(r, "1.5", "2", "2", "2.5", "3"), this.branchMembers[u]));
			}
			return;
		}
		int cg = r.nextInt(100) < 8 ? 2 : r.nextInt(100) < 6 ? 0 : 1;
		for (int day : distinctDays(r, wd, cg)) {
			String hours = r.nextInt(100) < 10 ? pick(r, "3.5", "4") : pick(r, "6", "6.5", "7", "8");
			list.add(new Session(day, "central_group", "ZXZ" + compact(day), hours, this.leaders[u]));
		}
		if (u == 0) {
			return;
		}
		if (r.nextInt(100) < 60) {
			for (int day : distinctDays(r, wd, 1)) {
				list.add(new Session(day, "lecture", "JZ" + compact(day), "2.5", this.subtreePeople[u]));
			}
		}
		if (r.nextInt(100) < 40) {
			for (int day : distinctDays(r, wd, 1)) {
				list.add(new Session(day, "other", "QT" + compact(day), "2", this.subtreePeople[u]));
			}
		}
	}

	@SafeVarargs
	static <T> T pick(SplittableRandom r, T... options) {
		return options[r.nextInt(options.length)];
	}

	String compact(int day) {
		byte[] d = date(day);
		return new String(new byte[] { d[0], d[1], d[2], d[3], d[5], d[6], d[8], d[9] }, StandardCharsets.US_ASCII);
	}

	void writeSessions(Csv c, int u, YearMonth m, List<Session> sessions, int onlyDay) throws IOException {
		// statuses come from a generator of their own per unit and month, drawn for every session of the month,
		// so a delta day's rows are exactly the rows that day holds in a full month
		SplittableRandom r = rng(3, u, m.getYear() * 12L + m.getMonthValue());
		for (Session s : sessions) {
			byte[] prefix = ascii(this.uCode.get(u) + "," + s.id + "," + day(s.day) + "," + s.type + "," + s.hours + ",");
			for (int p : s.members) {
				int x = r.nextInt(100);
				if (!active(p, s.day) || (onlyDay >= 0 && s.day != onlyDay)) {
					continue;
				}
				c.put(prefix).put(this.pid[p]).put(',').put(STATUS[x < 88 ? 0 : x < 92 ? 1 : x < 98 ? 2 : 3]).endRow();
			}
		}
	}

	// ------------------------------------------------------------------ training, research, surveys

	static final byte[][] COURSE_NAMES = Arrays.stream(COURSES).map(GenerateInbox::ascii).toArray(byte[][]::new);

	static final int[] RECORDS_PER_MONTH = { 0, 1, 1, 2, 2, 4 };

	/** About 10 records per person a year: attendance to training as in the province (about 5 to 1). */
	static final int[] SMALL_RECORDS_PER_MONTH = { 0, 0, 1, 1, 1, 2 };

	void writeTraining(Csv c, Dept d, YearMonth m, int onlyDay) throws IOException {
		SplittableRandom r = rng(4, d.unit, m.getYear() * 12L + m.getMonthValue());
		int[] wd = weekdays(m);
		byte[] unit = ascii(this.uCode.get(d.unit) + ",");
		String ym = String.format("T%04d%02d-", m.getYear(), m.getMonthValue());
		int seq = 0;
		// records sorted by day, as an office system exports them
		List<long[]> recs = new ArrayList<>();
		int[] perMonth = this.small ? SMALL_RECORDS_PER_MONTH : RECORDS_PER_MONTH;
		for (int p : d.people) {
			int k = perMonth[r.nextInt(perMonth.length)];
			for (int j = 0; j < k; j++) {
				int day = wd[r.nextInt(wd.length)];
				int course = r.nextInt(COURSES.length);
				if (active(p, day)) {
					recs.add(new long[] { day, p, course });
				}
			}
		}
		recs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
		for (long[] rec : recs) {
			seq++;
			int day = (int) rec[0];
			if (onlyDay >= 0 && day != onlyDay) {
				continue;
			}
			int p = (int) rec[1], course = (int) rec[2];
			c.put(unit).put(ym).putInt(seq, 6).put(',').put(this.pid[p]).put(',').put(COURSE_NAMES[course]).put(',')
				.put(COURSE_TYPES[course]).put(',').put(COURSE_CREDITS[course]).put(',').put(date(day)).endRow();
		}
	}

	void writeResearch(Csv c, Dept d, YearMonth m) throws IOException {
		SplittableRandom r = rng(5, d.unit, m.getYear() * 12L + m.getMonthValue());
		int[] wd = weekdays(m);
		String unit = this.uCode.get(d.unit);
		String prefix = String.format("R%04d%02d-", m.getYear(), m.getMonthValue());
		int last = epoch(this.end);
		int seq = 0;
		for (int p : d.people) {
			if (this.prank[p] == STAFF || r.nextInt(1000) >= 190) {
				continue;
			}
			int a = wd[r.nextInt(wd.length)];
			int b = Math.min(Math.min(a + r.nextInt(7), last), this.pleft[p] == Integer.MAX_VALUE ? last : this.pleft[p] - 1);
			boolean report = r.nextInt(100) < 35;
			int topic = r.nextInt(TOPICS.length);
			if (!active(p, a) || b < a) {
				continue;
			}
			c.put(unit).put(',').put(prefix).putInt(++seq, 5).put(',').put(this.pid[p]).put(',').put(date(a)).put(',').put(date(b))
				.put(',').put(TOPICS[topic]).put(',').put(report ? "yes" : "no").endRow();
		}
	}

	/** Surveys of department d opened in year y: {number, opened day, distributed}. */
	List<int[]> surveys(Dept d, int y) {
		List<int[]> list = new ArrayList<>();
		int k = 0;
		for (int month = 2; month <= 11; month += 3) {
			LocalDate opened = LocalDate.of(y, month, 10);
			while (opened.getDayOfWeek() == DayOfWeek.SATURDAY || opened.getDayOfWeek() == DayOfWeek.SUNDAY) {
				opened = opened.plusDays(1);
			}
			k++;
			if (opened.isBefore(this.start) || opened.isAfter(this.end)) {
				continue;
			}
			list.add(new int[] { k, epoch(opened), Math.max(10, d.people.length * 15 / 100) });
		}
		return list;
	}

	void writeResponses(Csv c, Dept d, int y, List<int[]> surveys) throws IOException {
		SplittableRandom r = rng(6, d.unit, y);
		String unit = this.uCode.get(d.unit);
		int last = epoch(this.end);
		for (int[] s : surveys) {
			String sid = "S" + y + "-" + s[0];
			int n = s[2] * (70 + r.nextInt(21)) / 100;
			int[] days = new int[n];
			for (int i = 0; i < n; i++) {
				days[i] = Math.min(last, s[1] + r.nextInt(21));
			}
			Arrays.sort(days);
			for (int i = 0; i < n; i++) {
				c.put(unit).put(',').put(sid).put(',').put(sid).put('-').putInt(i + 1, 5).put(',').put(date(days[i]));
				for (int q = 0; q < 5; q++) {
					int x = r.nextInt(100);
					c.put(',');
					if (x >= 5) {
						c.put((char) (x < 48 ? '5' : x < 83 ? '4' : x < 94 ? '3' : x < 98 ? '2' : '1'));
					}
				}
				c.put(',');
				if (r.nextInt(100) < 15) {
					c.put(SUGGESTIONS[r.nextInt(SUGGESTIONS.length)]);
				}
				c.endRow();
			}
		}
	}

}
