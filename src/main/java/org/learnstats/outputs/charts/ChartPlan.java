package org.learnstats.outputs.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;
import org.learnstats.indicators.IndicatorCatalog;
import org.learnstats.indicators.IndicatorDefinition;
import org.learnstats.store.UnitForest;
import org.learnstats.vocabulary.Granularity;
import org.learnstats.vocabulary.Period;

/**
 * Which charts a unit gets, from the datasets read once for all units. Every chart kind has a
 * fixed number and name, so {@code 01-attendance-trend} is the same chart in every unit's folder;
 * a chart whose dataset is empty is left out (no empty frames), and so is a person-based chart of
 * fewer than {@link #MIN_PEOPLE} people. Units without child units (most of a province) get the
 * charts that speak of their own people and sessions; rankings and compliance trends need child
 * units to be meaningful.
 * <p>
 * Like the trends, which plot ended periods only, the person-based charts show the last day of the
 * latest ended month ({@link #peopleDay}): the credits and research days from 1 January to it, the
 * people active on it (the degree structure does not print the day, so a month's end that changes
 * no one's education draws no new pie). The running month is on the dashboard as pace, and the
 * pictures (and their fingerprints) stay the same until a month ends or a correction arrives,
 * instead of changing every night that credits arrive. In January they show the whole of the year
 * before.
 */
final class ChartPlan {

	static final int WIDTH = 800;

	static final int HEIGHT = 400;

	static final int MONTHS = 24;

	static final int QUARTERS = 12;

	/**
	 * Person-based charts (distributions, degree structure) need this many people: below it a
	 * histogram of 15 buckets is mostly empty and a table says more (most party branches).
	 */
	static final int MIN_PEOPLE = 30;

	static final IndicatorDefinition ATTENDANCE = def("attendance_rate");

	static final IndicatorDefinition CREDIT_PROGRESS = def("credit_on_track_rate");

	static final IndicatorDefinition CENTRAL_GROUP = def("central_group_compliance");

	static final IndicatorDefinition BRANCH_STUDY = def("branch_study_compliance");

	static final IndicatorDefinition SATISFACTION = def("satisfaction_mean");

	static final IndicatorDefinition SURVEY_RESPONSE = def("survey_response_rate");

	/** Every indicator a chart reads. */
	static final List<String> INDICATORS = List.of(ATTENDANCE.id(), CREDIT_PROGRESS.id(), CENTRAL_GROUP.id(),
			BRANCH_STUDY.id(), SATISFACTION.id(), SURVEY_RESPONSE.id());

	/**
	 * One chart to draw.
	 *
	 * @param file the file name without extension, e.g. {@code 01-attendance-trend}
	 * @param indicator the indicator id it shows, or "" for a distribution
	 * @param width pixels
	 * @param height pixels
	 * @param inputs everything the chart is drawn from (dataset, subtitle), as text: with the
	 * file, the size and the version of the drawing code, the chart's fingerprint
	 * @param title the chart's title, for the list of a unit's charts (known without building it:
	 * most charts of a night are linked, not drawn)
	 * @param chart builds the chart
	 */
	record Planned(String file, String indicator, int width, int height, String inputs, String title,
			Supplier<JFreeChart> chart) {
	}

	/** The day the person-based charts show: the last day of the latest month ended by D. */
	static LocalDate peopleDay(LocalDate asOf) {
		return Period.latestClosed(asOf, 'M').last();
	}

	private final UnitForest forest;

	private final IndicatorValues values;

	private final PeopleDistributions people;

	private final LocalDate asOf;

	ChartPlan(UnitForest forest, IndicatorValues values, PeopleDistributions people, LocalDate asOf) {
		this.forest = forest;
		this.values = values;
		this.people = people;
		this.asOf = asOf;
	}

	List<Planned> plan(UnitForest.Unit unit) {
		boolean parent = !this.forest.children(unit.code()).isEmpty();
		// no as-of date in the picture: a chart whose data did not change since the last night is
		// the same picture (and is reused); the dashboard and the folder say which day it is
		String subtitle = unit.name() + (parent ? "（含下级单位）" : "");
		List<Planned> out = new ArrayList<>();
		trend(out, "01-attendance-trend", ATTENDANCE, 'M', MONTHS, unit, subtitle);
		if (parent) {
			ranking(out, "02-attendance-ranking", ATTENDANCE, unit, subtitle);
		}
		trend(out, "03-credit-progress-trend", CREDIT_PROGRESS, 'Q', QUARTERS, unit, subtitle);
		if (parent) {
			ranking(out, "04-credit-progress-ranking", CREDIT_PROGRESS, unit, subtitle);
		}
		Histogram credits = this.people.credits(unit.code());
		if (credits != null && credits.total() >= MIN_PEOPLE) {
			out.add(new Planned("05-credits-distribution", "", WIDTH, HEIGHT, credits + "\n" + subtitle,
					PeopleCharts.title(credits), () -> Charts.distribution(credits, subtitle)));
		}
		EducationShares education = this.people.education(unit.code());
		if (education.total() >= MIN_PEOPLE) {
			out.add(new Planned("06-degree-structure", "", WIDTH, HEIGHT, education + "\n" + subtitle,
					PeopleCharts.DEGREE_TITLE, () -> Charts.degreeStructure(education, subtitle)));
		}
		Histogram days = this.people.researchDays(unit.code());
		if (days != null && days.total() >= MIN_PEOPLE) {
			out.add(new Planned("07-research-days-distribution", "", WIDTH, HEIGHT, days + "\n" + subtitle,
					PeopleCharts.title(days), () -> Charts.distribution(days, subtitle)));
		}
		if (parent) {
			trend(out, "08-central-group-trend", CENTRAL_GROUP, 'Q', QUARTERS, unit, subtitle);
			trend(out, "09-branch-study-trend", BRANCH_STUDY, 'M', MONTHS, unit, subtitle);
		}
		trend(out, "10-satisfaction-trend", SATISFACTION, 'Q', QUARTERS, unit, subtitle);
		if (parent) {
			trend(out, "11-survey-response-trend", SURVEY_RESPONSE, 'Q', QUARTERS, unit, subtitle);
		}
		return out;
	}

	private void trend(List<Planned> out, String file, IndicatorDefinition def, char granularity, int last,
			UnitForest.Unit unit, String subtitle) {
		TrendData data = this.values.trend(def, granularity, unit, last, this.asOf);
		if (data.isEmpty()) {
			return;
		}
		// ended periods only: the running one is on the dashboard as pace, and the picture (and its
		// fingerprint) stays the same until a period closes or a correction arrives
		Granularity g = Granularity.of(granularity);
		String full = subtitle + "　仅含已结束的" + g.axisLabel() + "（" + g.current() + "进度见关键指标）";
		out.add(new Planned(file, def.id(), WIDTH, HEIGHT, data + "\n" + full, PeriodLines.title(data),
				() -> Charts.trend(data, full)));
	}

	private void ranking(List<Planned> out, String file, IndicatorDefinition def, UnitForest.Unit unit,
			String subtitle) {
		String period = this.values.latestPeriodOfChildren(def, 'Q', this.forest, unit, this.asOf);
		if (period == null) {
			return;
		}
		RankingData data = this.values.ranking(def, period, this.forest, unit);
		if (!data.worthDrawing()) {
			return;
		}
		out.add(new Planned(file, def.id(), WIDTH, Charts.rankingHeight(data), data + "\n" + subtitle,
				RankingChart.title(data), () -> Charts.ranking(data, subtitle)));
	}

	private static IndicatorDefinition def(String id) {
		return IndicatorCatalog.find(id).orElseThrow();
	}

}
