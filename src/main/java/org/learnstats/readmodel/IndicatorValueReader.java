package org.learnstats.readmodel;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.learnstats.indicators.IndicatorNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The indicator values the last refresh wrote ({@code indicator_value}), as the outputs ask for
 * them: every period, one period, some periods, some indicators, some units of some periods.
 * Values are read as asked, not kept: a province's every value of every period would not fit.
 */
public final class IndicatorValueReader {

	private static final String COLUMNS = "SELECT period, unit_code, indicator, numerator, denominator, val FROM indicator_value";

	/** One row of {@code indicator_value}. */
	public record IndicatorValue(String period, String unitCode, String indicator, BigDecimal numerator,
			BigDecimal denominator, BigDecimal value) {
	}

	/** Takes values one by one. */
	@FunctionalInterface
	public interface Values {

		void value(IndicatorValue value);

	}

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	IndicatorValueReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Every period holding a value, in no particular order. */
	public List<String> periods() {
		return this.jdbc.queryForList("SELECT DISTINCT period FROM indicator_value", String.class);
	}

	/** The first quarter holding a value (yyyy-Qn), or null. */
	public String firstQuarter() {
		return this.jdbc.queryForObject("SELECT MIN(period) FROM indicator_value WHERE period LIKE '____-Q_'",
				String.class);
	}

	/** Takes values alone, without their numerator and denominator, one by one. */
	@FunctionalInterface
	public interface PlainValues {

		void value(String indicator, String period, String unitCode, BigDecimal value);

	}

	/**
	 * Every value of the store, the value alone, without trailing zeros (read from its text, see
	 * IndicatorNumbers.parse): the wide tables', which hold every value of every period.
	 */
	public void all(PlainValues out) {
		this.jdbc.query("SELECT indicator, period, unit_code, val FROM indicator_value", (RowCallbackHandler) (rs) -> out
			.value(rs.getString(1), rs.getString(2), rs.getString(3), IndicatorNumbers.parse(rs.getString(4))));
	}

	/** Every value of one period. */
	public void ofPeriod(String period, Values out) {
		query(COLUMNS + " WHERE period = :period", new MapSqlParameterSource("period", period), out);
	}

	/** Every value of some periods. */
	public void ofPeriods(Collection<String> periods, Values out) {
		query(COLUMNS + " WHERE period IN (:periods)", new MapSqlParameterSource("periods", List.copyOf(periods)), out);
	}

	/** Every value of some indicators, in every period. */
	public void ofIndicators(Collection<String> indicators, Values out) {
		query(COLUMNS + " WHERE indicator IN (:indicators)",
				new MapSqlParameterSource("indicators", List.copyOf(indicators)), out);
	}

	/** The values of some units in some periods. */
	public void ofUnits(Collection<String> unitCodes, Collection<String> periods, Values out) {
		query(COLUMNS + " WHERE unit_code IN (:unitCodes) AND period IN (:periods)",
				new MapSqlParameterSource(Map.of("unitCodes", List.copyOf(unitCodes), "periods", List.copyOf(periods))),
				out);
	}

	private void query(String sql, MapSqlParameterSource params, Values out) {
		this.named.query(sql, params, (RowCallbackHandler) (rs) -> out.value(new IndicatorValue(rs.getString(1),
				rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6))));
	}

}
