package org.learnstats.readmodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.learnstats.indicators.PaceStates;
import org.learnstats.indicators.PeriodChanges;
import org.learnstats.indicators.TargetsProperties;
import org.learnstats.store.EventMonths;
import org.learnstats.store.UnitForest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the output parts read, for one run: the unit forest, the refresh's period stamps
 * ({@link PeriodChanges}: which periods tonight's refresh recomputed), the indicator values, which
 * units delivered which kind in which month, this run's deliveries, the people and the
 * person-level populations of the restricted lists. Each shared piece is read on first use and
 * kept for the run, so however many parts ask, the store is read once. Safe to share between
 * threads. No output part names a table of the refresh: the queries that do live here.
 */
public final class ReadModel {

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final Once<UnitForest> forest;

	private final Once<PeriodChanges> changes;

	private final Once<List<EventMonth>> eventMonths;

	private final Once<Map<String, Person>> people;

	private final IndicatorValueReader values;

	private final RunDeliveries deliveries;

	private final PersonLists lists;

	private final Roster roster;

	/** Where the pace populations stand, by targets and day: the dashboard and the restricted lists share it. */
	private final Map<PaceKey, PaceStates> paces = new ConcurrentHashMap<>();

	ReadModel(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.forest = new Once<>(() -> UnitForest.load(dataSource));
		this.changes = new Once<>(() -> PeriodChanges.load(dataSource));
		this.eventMonths = new Once<>(this::loadEventMonths);
		this.values = new IndicatorValueReader(this.jdbc);
		this.deliveries = new RunDeliveries(this.jdbc);
		this.lists = new PersonLists(this.jdbc);
		this.roster = new Roster(this.jdbc);
		this.people = new Once<>(() -> this.lists.people());
	}

	/** The units of the store, read once per run. */
	public UnitForest forest() {
		return this.forest.get();
	}

	/** The stamps of the periods as the last refresh left them, read once per run. */
	public PeriodChanges periodChanges() {
		return this.changes.get();
	}

	/** The earliest event date of the store up to any date (the first column of a wide table), or null. */
	public LocalDate earliestEvent() {
		return org.learnstats.indicators.EventDates.earliest(this.jdbc.getDataSource());
	}

	/** The indicator values ({@code indicator_value}). */
	public IndicatorValueReader values() {
		return this.values;
	}

	/** This run's (and earlier runs') deliveries, rejects and warnings. */
	public RunDeliveries deliveries() {
		return this.deliveries;
	}

	/** The person-level populations the last refresh computed, for the restricted lists. */
	public PersonLists personLists() {
		return this.lists;
	}

	/** Who is active when, their credits and research trips. */
	public Roster roster() {
		return this.roster;
	}

	/** Every person of the roster by id, read once per run. */
	public Map<String, Person> people() {
		return this.people.get();
	}

	/** Where each member of every pace population stands on {@code asOf}, over this run's forest; read once per run. */
	public PaceStates paces(TargetsProperties targets, LocalDate asOf) {
		return this.paces.computeIfAbsent(new PaceKey(targets, asOf),
				(k) -> PaceStates.load(this.dataSource, forest(), targets, asOf));
	}

	/**
	 * Which units delivered rows of which kind dated in which month, over the whole store (one row
	 * per kind, unit and month, with the row count), read once per run; attendance from the
	 * refresh's per-session summary, which has every session of the store.
	 */
	public List<EventMonth> eventMonths() {
		return this.eventMonths.get();
	}

	private List<EventMonth> loadEventMonths() {
		List<EventMonth> out = new ArrayList<>();
		this.jdbc.query("SELECT c.kind, c.unit_code, c.y, c.m, c.n FROM (\n" + EventMonths.UNION + "\n) c", (rs) -> {
			out.add(new EventMonth(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5)));
		});
		return List.copyOf(out);
	}

	/** Rows of a kind a unit delivered dated in a month. */
	public record EventMonth(String kind, String unitCode, int year, int month, long rows) {

		/** The month as the outputs name it, yyyy-MM. */
		public String yearMonth() {
			return String.format(java.util.Locale.ROOT, "%04d-%02d", this.year, this.month);
		}

	}

	/** The targets (by identity: one bean per run) and day of a pace reading. */
	private record PaceKey(TargetsProperties targets, LocalDate asOf) {

		@Override
		public boolean equals(Object other) {
			return other instanceof PaceKey k && k.targets == this.targets && k.asOf.equals(this.asOf);
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.targets) * 31 + this.asOf.hashCode();
		}

	}

	/** One person of the roster: name and rank code. */
	public record Person(String name, String rank) {
	}

	/** A value computed on first use and kept. */
	private static final class Once<T> {

		private final Supplier<T> load;

		private volatile T value;

		Once(Supplier<T> load) {
			this.load = load;
		}

		T get() {
			T v = this.value;
			if (v == null) {
				synchronized (this) {
					v = this.value;
					if (v == null) {
						v = this.load.get();
						this.value = v;
					}
				}
			}
			return v;
		}

	}

}
