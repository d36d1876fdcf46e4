package org.learnstats.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.HeaderMatch;
import org.learnstats.ingest.InboxFile;
import org.learnstats.ingest.InboxPlan.PlannedFile;
import org.learnstats.ingest.TextEncoding;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The planned files of an ingest partition, written into its execution context by the manager
 * and read back by the worker exactly as the scan saw them (path, hashes, encoding, delimiter,
 * header), so that a worker reads each file as the manager's scan planned it without scanning
 * again; a file changed since is found changed while read, as in one process. Only plain
 * strings and numbers go in, whatever the job repository's serializer.
 */
final class PlannedFilesContext {

	static final String KIND = "ingest.kind";

	private static final String COUNT = "ingest.files";

	private PlannedFilesContext() {
	}

	static void put(ExecutionContext context, String kind, List<PlannedFile> files) {
		context.putString(KIND, kind);
		context.putInt(COUNT, files.size());
		for (int i = 0; i < files.size(); i++) {
			PlannedFile planned = files.get(i);
			InboxFile f = planned.file();
			if (f.kind() == null || !f.kind().name().equals(kind)) {
				throw new IllegalArgumentException(f.relativePath() + " is not a planned file of " + kind);
			}
			String p = "ingest.file" + i + ".";
			context.putLong(p + "delivery", planned.deliveryId());
			context.putString(p + "path", f.path().toString());
			context.putString(p + "relative", f.relativePath());
			context.putString(p + "sha256", f.text().sha256());
			context.putLong(p + "size", f.text().size());
			context.putString(p + "encoding", f.text().encoding());
			context.putString(p + "delimiter", String.valueOf(f.delimiter()));
			context.putLong(p + "headerLine", f.headerLine());
			context.putInt(p + "sheet", f.sheet());
			HeaderMatch h = f.header();
			context.putString(p + "positions", ints(h.positions()));
			context.putString(p + "questions",
					(h.questions() == null) ? "-" : h.questions().stream().map(PlannedFilesContext::ints)
						.collect(Collectors.joining(";")));
			context.putInt(p + "width", h.width());
		}
	}

	/** The files of a partition, in the order they are to be applied. */
	static List<PlannedFile> files(ExecutionContext context, List<ExportKind> kinds) {
		String name = context.getString(KIND);
		ExportKind kind = kinds.stream()
			.filter((k) -> k.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no export kind " + name));
		int count = context.getInt(COUNT);
		List<PlannedFile> files = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String p = "ingest.file" + i + ".";
			String questions = context.getString(p + "questions");
			List<int[]> q = questions.equals("-") ? null
					: questions.isEmpty() ? List.of()
							: Arrays.stream(questions.split(";", -1)).map(PlannedFilesContext::ints).toList();
			HeaderMatch header = new HeaderMatch(kind, ints(context.getString(p + "positions")), q,
					context.getInt(p + "width"), null, null);
			TextEncoding text = new TextEncoding(context.getString(p + "sha256"), context.getLong(p + "size"),
					context.getString(p + "encoding"));
			InboxFile file = new InboxFile(Path.of(context.getString(p + "path")), context.getString(p + "relative"),
					text, context.getString(p + "delimiter").charAt(0), header, null, context.getLong(p + "headerLine"),
					context.getInt(p + "sheet"));
			files.add(new PlannedFile(file, context.getLong(p + "delivery")));
		}
		return files;
	}

	private static String ints(int[] values) {
		return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
	}

	private static int[] ints(String values) {
		return values.isEmpty() ? new int[0] : Arrays.stream(values.split(",")).mapToInt(Integer::parseInt).toArray();
	}

}
