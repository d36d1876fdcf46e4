package org.learnstats.outputs;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a part written in pieces ({@link OutputPart#pieces}) named by its number among
 * {@code count}: {@code <prefix><n>/<count>}, such as {@code units 3/12}; the count lets the
 * worker check it splits the part as the manager did.
 * @param index the piece's number, from 1
 * @param count how many pieces the part was split in
 */
public record NumberedPiece(int index, int count) {

	/** The names {@code <prefix>1/<count>} to {@code <prefix><count>/<count>}. */
	public static List<String> names(String prefix, int count) {
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			names.add(prefix + i + "/" + count);
		}
		return names;
	}

	/** The number and count at the end of a name of {@link #names}. */
	public static NumberedPiece of(String name) {
		String[] n = name.substring(name.lastIndexOf(' ') + 1).split("/");
		return new NumberedPiece(Integer.parseInt(n[0]), Integer.parseInt(n[1]));
	}

}
