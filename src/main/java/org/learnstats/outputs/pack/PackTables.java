package org.learnstats.outputs.pack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.learnstats.outputs.tables.SpreadsheetText;
import org.learnstats.outputs.tables.XlsxSheet;
import org.learnstats.outputs.tables.XlsxStyle;
import org.learnstats.outputs.tables.XlsxWriter;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.IndicatorDefinition.Type;
import org.learnstats.store.UnitForest.Unit;

/**
 * The pack's tables: built from the {@link PackReport}, written as CSV (UTF-8 with BOM, for
 * Excel) and as one XLSX workbook with a sheet per table, byte for byte the same for the same pack.
 */
final class PackTables {

	/** The header row: bold on pale blue, wrapped. */
	private static final XlsxStyle HEADER = XlsxStyle.header(XlsxStyle.PALE_BLUE, false, true);

	/** A number's style by its {@link PackTable.Format}. */
	private static final XlsxStyle[] FORMATS = Arrays.stream(PackTable.Format.values())
		.map((f) -> XlsxStyle.number(f.excel))
		.toArray(XlsxStyle[]::new);

	private PackTables() {
	}

	static List<PackTable> of(PackReport report) {
		List<PackTable> tables = new ArrayList<>(List.of(summary(report), trend(report), ranking(report)));
		if (!report.data().peers().isEmpty()) {
			tables.add(peers(report));
		}
		tables.addAll(List.of(exceptions(report), completeness(report), deliveries(report), reasons(report)));
		return List.copyOf(tables);
	}

	/** A unit's pack: every peer's value and rank on each key indicator. */
	private static PackTable peers(PackReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (String id : PackReport.KEY) {
			IndicatorDefinition d = PackReport.def(id);
			for (PackReport.Ranked p : r.peerRanking(id)) {
				rows.add(row(p.unit().code(), p.unit().name(), d.id(), d.label(), num(d, p.value()),
						p.rank() == 0 ? null : p.rank()));
			}
		}
		return new PackTable("peers", "同级比较", List.of("单位代码", "单位名称", "指标代码", "指标", "本季度值", "同级名次"), rows);
	}

	private static PackTable summary(PackReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (Unit root : r.data().roots()) {
			List<PackReport.SummaryRow> all = new ArrayList<>(r.quarterSummary(root));
			all.addAll(r.yearSummary(root));
			for (PackReport.SummaryRow s : all) {
				IndicatorDefinition d = s.def();
				rows.add(row(root.code(), root.name(), d.id(), d.label(), num(d, d.goal()), s.period(), num(d, s.now()),
						s.previousPeriod(), num(d, s.previous()), s.lastYearPeriod(), num(d, s.lastYear())));
			}
		}
		return new PackTable("summary", "关键指标",
				List.of("单位代码", "单位名称", "指标代码", "指标", "目标", "本期", "本期值", "上期", "上期值", "去年同期", "去年同期值"), rows);
	}

	private static PackTable trend(PackReport r) {
		List<String> headers = new ArrayList<>(List.of("单位代码", "单位名称", "指标代码", "指标"));
		r.data().trend().forEach((q) -> headers.add(q.id()));
		List<Unit> units = new ArrayList<>(r.data().roots());
		units.addAll(r.data().topUnits());
		List<List<Object>> rows = new ArrayList<>();
		for (Unit u : units) {
			for (IndicatorDefinition d : PackReport.quarterly()) {
				List<Object> row = row(u.code(), u.name(), d.id(), d.label());
				r.trend(u.code(), d.id()).forEach((v) -> row.add(num(d, v)));
				rows.add(row);
			}
		}
		return new PackTable("trend", "季度趋势", headers, rows);
	}

	private static PackTable ranking(PackReport r) {
		List<String> headers = new ArrayList<>(List.of("单位代码", "单位名称"));
		List<List<PackReport.Ranked>> columns = new ArrayList<>();
		for (String id : PackReport.KEY) {
			headers.add(PackReport.def(id).label());
			headers.add(PackReport.def(id).label() + "排名");
			columns.add(r.ranking(id));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < r.data().topUnits().size(); i++) {
			Unit u = r.data().topUnits().get(i);
			List<Object> row = row(u.code(), u.name());
			for (int k = 0; k < columns.size(); k++) {
				PackReport.Ranked ranked = columns.get(k).get(i);
				row.add(num(PackReport.def(PackReport.KEY.get(k)), ranked.value()));
				row.add(ranked.rank() == 0 ? null : (Object) Integer.valueOf(ranked.rank()));
			}
			rows.add(row);
		}
		return new PackTable("ranking", "下属单位排名", headers, rows);
	}

	private static PackTable exceptions(PackReport r) {
		int y = r.closedYear();
		List<List<Object>> rows = new ArrayList<>();
		for (PackReport.Exceptions e : r.exceptions()) {
			rows.add(row(e.unit().code(), e.unit().name(), whole(e.creditsBehind()),
					e.researchBehind() == null ? null : (Object) e.researchBehind(), whole(e.underAgeWithoutCollege()),
					whole(e.creditsMissedYear()), whole(e.researchMissedYear()), whole(e.reportMissingYear()),
					whole(e.remedial())));
		}
		return new PackTable("exceptions", "异常情况", List.of("单位代码", "单位名称", "学分进度未达标人数", "调研天数进度未达标人数",
				"50岁以下大专以下学历人数", y + "年学分未达标人数", y + "年调研天数未达标人数", y + "年未提交调研报告人数", y + "年需补训人数"), rows);
	}

	private static PackTable completeness(PackReport r) {
		List<String> headers = new ArrayList<>(List.of("单位代码", "范围", "单位数"));
		PackData.DATED_KINDS.forEach((k) -> {
			headers.add(PackText.kind(k) + "应报单位数");
			headers.add(PackText.kind(k) + "已报单位数");
		});
		List<List<Object>> rows = new ArrayList<>();
		for (PackData.Completeness c : r.data().completeness()) {
			List<Object> row = row(c.unitCode(), c.name(), c.units());
			for (int k = 0; k < c.reported().size(); k++) {
				row.add(c.expected().get(k));
				row.add(c.reported().get(k));
			}
			rows.add(row);
		}
		return new PackTable("completeness", "数据完整性", headers, rows);
	}

	private static PackTable deliveries(PackReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (PackData.Delivered d : r.data().delivered()) {
			rows.add(row(d.kind(), PackText.kind(d.kind()), d.files(), d.quarantined(), d.rowsRead(), d.rowsRejected()));
		}
		return new PackTable("deliveries", "本季度接收数据", List.of("数据类型代码", "数据类型", "文件数", "整体拒收文件数", "读取行数", "拒收行数"),
				rows);
	}

	private static PackTable reasons(PackReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (PackData.ReasonCount c : r.data().reasons()) {
			rows.add(row(c.reason(), PackText.reason(c.reason()), c.entries()));
		}
		return new PackTable("reject-reasons", "拒收原因", List.of("原因代码", "原因", "拒收记录数"), rows);
	}

	private static List<Object> row(Object... cells) {
		List<Object> row = new ArrayList<>();
		for (Object c : cells) {
			row.add(c);
		}
		return row;
	}

	private static PackTable.Num num(IndicatorDefinition d, BigDecimal v) {
		if (v == null) {
			return null;
		}
		PackTable.Format f = d.type() == Type.RATE ? PackTable.Format.PERCENT
				: d.type() == Type.COUNT ? PackTable.Format.WHOLE
						: PackText.meanDecimals(d) == 2 ? PackTable.Format.DECIMAL2 : PackTable.Format.DECIMAL1;
		return new PackTable.Num(v, f);
	}

	private static PackTable.Num whole(BigDecimal v) {
		return v == null ? null : new PackTable.Num(v, PackTable.Format.WHOLE);
	}

	/** The table as CSV: UTF-8 with a BOM, CRLF, numbers plain, text neutralized. */
	static byte[] csv(PackTable table) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(table.headers().stream().map(SpreadsheetText::neutralize).toList());
			for (List<Object> row : table.rows()) {
				List<String> cells = new ArrayList<>();
				for (Object c : row) {
					cells.add(csvCell(c));
				}
				printer.printRecord(cells);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String csvCell(Object c) {
		if (c == null) {
			return "";
		}
		if (c instanceof PackTable.Num n) {
			return PackData.plain(n.value());
		}
		if (c instanceof Number n) {
			return n.toString();
		}
		return SpreadsheetText.neutralize(c.toString());
	}

	/**
	 * The workbook of all tables, one sheet each ({@link XlsxWriter}), dated the as-of date (its
	 * document dates and zip entries), so the bytes depend on the pack alone.
	 */
	static byte[] xlsx(List<PackTable> tables, LocalDate asOf) {
		XlsxWriter wb = new XlsxWriter(null, "learnstats", asOf);
		for (PackTable t : tables) {
			XlsxSheet sheet = wb.sheet(t.sheet()).freeze(0, 1);
			sheet.row();
			int[] widths = new int[t.headers().size()];
			for (int i = 0; i < t.headers().size(); i++) {
				sheet.text(i, SpreadsheetText.neutralize(t.headers().get(i)), HEADER);
				widths[i] = displayWidth(t.headers().get(i));
			}
			for (List<Object> cells : t.rows()) {
				sheet.row();
				for (int i = 0; i < cells.size(); i++) {
					Object v = cells.get(i);
					if (v instanceof PackTable.Num n) {
						sheet.number(i, n.value(), FORMATS[n.format().ordinal()]);
					}
					else if (v instanceof Number n) {
						sheet.number(i, n.doubleValue(), XlsxStyle.GENERAL);
					}
					else if (v != null) {
						sheet.text(i, SpreadsheetText.neutralize(v.toString()), XlsxStyle.GENERAL);
						widths[i] = Math.max(widths[i], displayWidth(v.toString()));
					}
				}
			}
			for (int i = 0; i < widths.length; i++) {
				sheet.width(i, Math.min(60, Math.max(10, widths[i] + 2)));
			}
		}
		return wb.bytes();
	}

	/** Character cells a text takes in a spreadsheet: two for CJK, one otherwise. */
	private static int displayWidth(String s) {
		return s.codePoints().map((c) -> c > 0x2E80 ? 2 : 1).sum();
	}

}
