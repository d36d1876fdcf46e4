package org.learnstats.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learnstats.vocabulary.RejectDetail;
import org.learnstats.vocabulary.RejectDetail.Text;

/**
 * The kind a header row names, by spec section 2: a header matches the kinds whose required
 * columns it all holds; the kind with the most recognized columns wins, ties going to the earlier
 * kind. Names match in English or by alias, in any order and letter case, around spaces; unknown
 * columns are ignored and a repeated column counts once, at its first place.
 *
 * @param kind the matched kind, or null when the file is quarantined
 * @param positions for each of the kind's columns, its field index in a row, or -1
 * @param questions for responses: question numbers and their field indexes
 * @param width the number of fields of the header (every row must have as many)
 * @param rejection UNKNOWN_KIND or MISSING_COLUMN when no kind matches, else null
 * @param nearest for MISSING_COLUMN: the kind the header came closest to
 */
public record HeaderMatch(ExportKind kind, int[] positions, List<int[]> questions, int width, Rejection rejection,
		ExportKind nearest) {

	private static final Set<String> SHARED = Set.of("unit_code", "person_id", "survey_id");

	private static final Pattern QUESTION = Pattern.compile("(?:q|题)([1-9][0-9]{0,3})");

	/** How many non-blank rows at the top of an export may hold its header (spec section 2.4). */
	public static final int HEADER_SEARCH_ROWS = 10;

	/** The header row among an export's first rows, and what it names. */
	public record Found(int index, HeaderMatch match) {
	}

	/**
	 * Spec section 2.4: the header is the first of the first {@value #HEADER_SEARCH_ROWS} non-blank
	 * rows that matches a kind; rows above it are titles. When none matches, the first row is
	 * judged as the header (UNKNOWN_KIND or MISSING_COLUMN).
	 *
	 * @param rows the export's first non-blank rows, in order (those beyond the limit are ignored)
	 */
	public static Found find(List<List<String>> rows, List<ExportKind> kinds) {
		HeaderMatch first = of(rows.get(0), kinds);
		if (first.kind() != null) {
			return new Found(0, first);
		}
		for (int i = 1; i < Math.min(rows.size(), HEADER_SEARCH_ROWS); i++) {
			HeaderMatch m = of(rows.get(i), kinds);
			if (m.kind() != null) {
				return new Found(i, m);
			}
		}
		return new Found(0, first);
	}

	public static HeaderMatch of(List<String> header, List<ExportKind> kinds) {
		List<String> names = header.stream().map(HeaderMatch::normalize).toList();
		ExportKind best = null;
		Candidate bestCandidate = null;
		ExportKind nearest = null;
		int nearestOwn = 0;
		Candidate nearestCandidate = null;
		for (ExportKind kind : kinds) {
			Candidate c = Candidate.of(kind, names);
			if (c.missing.isEmpty()) {
				if (best == null || c.recognized > bestCandidate.recognized) {
					best = kind;
					bestCandidate = c;
				}
			}
			else if (c.own > nearestOwn) {
				nearest = kind;
				nearestOwn = c.own;
				nearestCandidate = c;
			}
		}
		if (best != null) {
			return new HeaderMatch(best, bestCandidate.positions, bestCandidate.questions, header.size(), null, null);
		}
		if (nearest == null) {
			return new HeaderMatch(null, null, null, header.size(),
					Rejection.of(RejectDetail.NO_KIND, header),
					null);
		}
		return new HeaderMatch(null, null, null, header.size(), Rejection.of(RejectDetail.LACKS_COLUMNS,
				nearest.label(), RejectDetail.list(nearestCandidate.missing)),
				nearest);
	}

	/** Header names compare trimmed, in lower case, with full-width brackets as ASCII ones. */
	static String normalize(String name) {
		String n = name.strip();
		if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
			n = n.substring(1).strip();
		}
		return n.toLowerCase(Locale.ROOT).replace('（', '(').replace('）', ')');
	}

	/** How well a header fits one kind. */
	private static final class Candidate {

		final int[] positions;

		final List<int[]> questions = new ArrayList<>();

		final List<Text> missing = new ArrayList<>();

		int recognized;

		int own;

		private Candidate(int size) {
			this.positions = new int[size];
		}

		static Candidate of(ExportKind kind, List<String> names) {
			List<Column> columns = kind.columns();
			Candidate c = new Candidate(columns.size());
			boolean[] taken = new boolean[names.size()];
			for (int i = 0; i < columns.size(); i++) {
				Column column = columns.get(i);
				int at = indexOf(column, names, taken);
				c.positions[i] = at;
				if (at >= 0) {
					c.recognized++;
					if (!SHARED.contains(column.name())) {
						c.own++;
					}
				}
				else if (column.required()) {
					c.missing.add(column.label());
				}
			}
			if (kind.hasQuestions()) {
				Set<Integer> seen = new java.util.HashSet<>();
				for (int i = 0; i < names.size(); i++) {
					Matcher m = QUESTION.matcher(names.get(i));
					if (!taken[i] && m.matches() && seen.add(Integer.parseInt(m.group(1)))) {
						c.questions.add(new int[] { Integer.parseInt(m.group(1)), i });
						c.recognized++;
						c.own++;
					}
				}
				if (c.questions.isEmpty()) {
					c.missing.add(RejectDetail.QUESTIONS.text());
				}
			}
			return c;
		}

		private static int indexOf(Column column, List<String> names, boolean[] taken) {
			for (int i = 0; i < names.size(); i++) {
				String n = names.get(i);
				if (n.equals(column.name()) || column.aliases().stream().anyMatch((a) -> normalize(a).equals(n))) {
					taken[i] = true;
					return i;
				}
			}
			return -1;
		}

	}

}
