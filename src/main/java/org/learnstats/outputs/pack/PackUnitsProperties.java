package org.learnstats.outputs.pack;

import java.util.ArrayList;
import java.util.List;

import org.learnstats.outputs.OutputThreads;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which units get the pack of their own subtree besides the organization's, under
 * {@code learnstats.packs}: every unit of the listed types (committees by default), every unit at
 * the listed depths (1 = the units under the roots), and the units listed by code.
 */
@ConfigurationProperties("learnstats.packs")
public class PackUnitsProperties {

	/** Unit types whose every unit gets a pack. */
	private List<String> unitTypes = new ArrayList<>(List.of("committee"));

	/** Depths below the roots whose every unit gets a pack (1 = the children of the roots). */
	private List<Integer> levels = new ArrayList<>();

	/** Unit codes that get a pack whatever their type or depth. */
	private List<String> units = new ArrayList<>();

	/** Packs of a quarter built at once; 0: one per core, at most 4 (as the charts). */
	private int threads;

	public List<String> getUnitTypes() {
		return this.unitTypes;
	}

	public void setUnitTypes(List<String> unitTypes) {
		this.unitTypes = unitTypes;
	}

	public List<Integer> getLevels() {
		return this.levels;
	}

	public void setLevels(List<Integer> levels) {
		this.levels = levels;
	}

	public List<String> getUnits() {
		return this.units;
	}

	public void setUnits(List<String> units) {
		this.units = units;
	}

	public int getThreads() {
		return this.threads;
	}

	public void setThreads(int threads) {
		this.threads = threads;
	}

	/** {@link #getThreads()}, with 0 read as one per core, at most 4. */
	int threadsOrDefault() {
		return OutputThreads.orDefault(this.threads);
	}

}
