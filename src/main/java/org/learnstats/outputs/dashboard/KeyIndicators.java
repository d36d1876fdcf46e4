package org.learnstats.outputs.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.indicators.PaceRule;
import org.learnstats.indicators.PaceStates;
import org.learnstats.indicators.PaceTarget;
import org.learnstats.outputs.dashboard.IndicatorValues.Value;
import org.learnstats.outputs.tables.TableFiles;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Pace;
import org.learnstats.vocabulary.Period;

/**
 * A unit's indicators of the current month, quarter and year (the ones holding the as-of date)
 * against their goals, with the period before for comparison. A period that has not ended is
 * judged by its pace (indicators.PaceRule), never as "not met"; only ended periods are met or not.
 */
final class KeyIndicators {

	/**
	 * One indicator of one granularity for one unit.
	 *
	 * @param pace the state of a running period ({@code null} when it has ended or has no target)
	 */
	record Line(IndicatorDefinition indicator, Period period, Value current, Value previous, boolean running,
			Pace pace) {

		/** Met or not, for an ended period only; {@code null} while it runs. */
		Boolean met() {
			return this.running ? null : this.indicator.meets((this.current != null) ? this.current.value() : null);
		}

		Boolean previousMet() {
			return this.indicator.meets((this.previous != null) ? this.previous.value() : null);
		}

		boolean empty() {
			return this.current == null && this.previous == null;
		}

	}

	private final IndicatorValues values;

	private final PaceStates paces;

	private final LocalDate asOf;

	KeyIndicators(IndicatorValues values, PaceStates paces, LocalDate asOf) {
		this.values = values;
		this.paces = paces;
		this.asOf = asOf;
	}

	List<Line> lines(String unitCode, char granularity) {
		Period period = IndicatorValues.current(this.asOf, granularity);
		boolean running = !period.closedBy(this.asOf);
		List<Line> lines = new ArrayList<>();
		for (IndicatorDefinition indicator : IndicatorCatalog.ALL) {
			if (indicator.computedFor(granularity)) {
				Value current = this.values.get(period, unitCode, indicator.id());
				Pace pace = null;
				if (running) {
					pace = this.paces.of(unitCode, indicator.id(), granularity);
					if (pace == null && PaceTarget.of(indicator.id(), granularity) == null && current != null) {
						pace = PaceRule.soFar(indicator, current.value());
					}
				}
				lines.add(new Line(indicator, period, current,
						this.values.get(period.previous(), unitCode, indicator.id()), running, pace));
			}
		}
		return lines;
	}

	/** Misses of the latest ended period and risks of the running one, for one unit and granularity. */
	record Tally(Period ended, int endedMet, int endedMissed, Period running, int behind, int unreachable) {
	}

	Tally tally(String unitCode, char g) {
		List<Line> lines = lines(unitCode, g);
		Period current = IndicatorValues.current(this.asOf, g);
		boolean running = !current.closedBy(this.asOf);
		int met = 0;
		int missed = 0;
		int behind = 0;
		int unreachable = 0;
		for (Line line : lines) {
			Boolean m = running ? line.previousMet() : line.met();
			if (m != null) {
				met += m ? 1 : 0;
				missed += m ? 0 : 1;
			}
			behind += (line.pace() == Pace.BEHIND) ? 1 : 0;
			unreachable += (line.pace() == Pace.UNREACHABLE) ? 1 : 0;
		}
		return new Tally(running ? current.previous() : current, met, missed, running ? current : null, behind,
				unreachable);
	}

	/** What {@code keyIndicators.jte} shows of a unit: the headline, a tile and a table per granularity. */
	record View(String headline, List<PaceView.Tile> tiles, List<Table> tables) {
	}

	/**
	 * One granularity's table of the current period against the one before.
	 * @param heading e.g. "本月指标 · 2025年3月"
	 * @param runningAsOf the as-of date while the period runs, else null
	 * @param verdict the heading of the period's verdict column
	 * @param hidden the indicators without data in both periods, not listed
	 * @param tables the wide tables' word for the granularity ("月度")
	 * @param base the way back to the output folder
	 */
	record Table(String heading, String runningAsOf, String period, String verdict, String previous, List<Row> rows,
			int hidden, String tables, String base) {
	}

	/** An indicator's line; {@code sub}: a part of the indicator above it. */
	record Row(boolean sub, String label, Cell current, String goal, Badge badge, Cell previous, Badge previousBadge,
			Change change, String xlsx, String csv) {
	}

	/** A value with its numerator / denominator ("" for none). */
	record Cell(String value, String fraction) {
	}

	/** A verdict's badge: its style and word. */
	record Badge(String style, String text) {
	}

	/** The change from the previous period: up, down or flat; {@code title} explains a "—" (null: none). */
	record Change(String style, String text, String title) {
	}

	/** The view of a unit; {@code base} leads back to the output folder. */
	View view(String unitCode, String base) {
		List<Tally> tallies = new ArrayList<>();
		List<PaceView.Tile> tiles = new ArrayList<>();
		List<Table> tables = new ArrayList<>();
		for (char g : "MQY".toCharArray()) {
			Tally t = tally(unitCode, g);
			tallies.add(t);
			tiles.add(PaceView.tile(t));
			tables.add(table(unitCode, g, base));
		}
		return new View(PaceView.headline(tallies), tiles, tables);
	}

	private Table table(String unitCode, char g, String base) {
		Period p = IndicatorValues.current(this.asOf, g);
		LocalDate end = p.next().first().minusDays(1);
		List<Row> rows = new ArrayList<>();
		int hidden = 0;
		for (Line line : lines(unitCode, g)) {
			if (line.empty()) {
				hidden++;
			}
			else {
				rows.add(row(line, g, base));
			}
		}
		return new Table(granularityName(g) + "指标 · " + p.label(), end.isAfter(this.asOf) ? this.asOf.toString() : null,
				p.toString(), p.closedBy(this.asOf) ? "本期是否达标" : "本期进度", p.previous().toString(), rows, hidden,
				TableFiles.granularityLabel(g), base);
	}

	private static Row row(Line line, char g, String base) {
		IndicatorDefinition ind = line.indicator();
		Badge badge = line.running()
				? PaceView.badge(line.pace(), line.current() != null,
						ind.goal() != null || PaceTarget.of(ind.id(), g) != null)
				: badge(line.met(), line.current() != null);
		var cur = (line.current() != null) ? line.current().value() : null;
		var prev = (line.previous() != null) ? line.previous().value() : null;
		Change change;
		if (line.running() && PaceTarget.of(ind.id(), g) != null) {
			// a total so far against a whole period's: no change to show until it ends
			change = new Change("flat", "—", "本期未结束，按进度判断");
		}
		else {
			int dir = Formats.direction(ind, cur, prev);
			change = new Change((dir > 0) ? "up" : (dir < 0) ? "down" : "flat", Formats.change(ind, cur, prev), null);
		}
		return new Row(ind.id().contains("."), ind.label(), cell(ind, line.current()), Formats.goal(ind), badge,
				cell(ind, line.previous()), badge(line.previousMet(), line.previous() != null), change,
				Html.href(TableFiles.xlsx(ind.id()).split("/")), Html.href(TableFiles.csv(ind.id(), g).split("/")));
	}

	private static Cell cell(IndicatorDefinition ind, Value value) {
		return new Cell(Formats.value(ind, (value != null) ? value.value() : null), Formats.fraction(ind, value));
	}

	static Badge badge(Boolean met, boolean hasValue) {
		if (!hasValue) {
			return new Badge("none", "无数据");
		}
		if (met == null) {
			return new Badge("none", "无目标");
		}
		return met ? new Badge("met", "✓ 达标") : new Badge("unmet", "✗ 未达标");
	}

	static String granularityName(char g) {
		return Granularity.of(g).current();
	}

}
