package org.learnstats.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnstats.outputs.OutputContext;
import org.learnstats.outputs.OutputFailures;
import org.learnstats.outputs.OutputPart;
import org.learnstats.readmodel.ReadModels;
import org.learnstats.support.TestDatabase;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs' partitions without a broker: the manager prepares the folder and one partition per
 * part, or per piece of a part written in pieces, each worker step writes its part or piece there
 * and leaves what failed in its context in the job repository, and the manager reads the failures
 * back in the parts' and pieces' order, as one process would have met them, and whether restricted
 * files failed.
 */
class OutputPartitionsTest {

	@TempDir
	Path tmp;

	record Part(String label, String file, boolean fails) implements OutputPart {

		@Override
		public void write(OutputContext context) throws IOException {
			if (this.fails) {
				throw new IllegalStateException(this.label + " broke");
			}
			Path target = context.dir().resolve(this.file);
			Files.createDirectories(target.getParent());
			Files.writeString(target, this.label);
		}

		@Override
		public List<String> files() {
			return List.of(this.file);
		}

	}

	/**
	 * A part written in pieces (as the charts are, a group of units each), then an index over them;
	 * a piece that meets bad data records it and goes on, as a unit's charts do.
	 */
	record Pieces(String dir, List<String> names, String bad) implements OutputPart {

		@Override
		public void write(OutputContext context) {
			throw new AssertionError("written in pieces with workers");
		}

		@Override
		public List<String> pieces(OutputContext context) {
			return this.names;
		}

		@Override
		public void writePiece(OutputContext context, String piece) throws IOException {
			if (piece.equals(this.bad)) {
				context.failures().add(this.dir + " " + piece, new IllegalStateException("bad data"));
				return;
			}
			Files.createDirectories(context.dir().resolve(this.dir));
			Files.writeString(context.dir().resolve(this.dir + "/" + piece + ".txt"), piece);
		}

		@Override
		public List<String> files() {
			return List.of(this.dir);
		}

	}

	@Test
	void workersWriteIntoTheManagersFolderAndTheirFailuresComeBackInOrder() throws Exception {
		var dataSource = TestDatabase.h2().dataSource();
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(new JdbcTransactionManager(dataSource));
		factory.afterPropertiesSet();
		JobRepository repository = factory.getObject();
		List<OutputPart> parts = List.of(new Part("first", "a/first.txt", false), new Part("second", "b.txt", true),
				new Part("third", "c.txt", false), new Part("lists", "restricted/names.csv", true),
				new Pieces("charts", List.of("g1", "g2", "g3"), "g2"),
				new Pieces("packs", List.of("x", "y"), "x"));
		OutputPartitions partitions = new OutputPartitions(parts, repository, new ReadModels(dataSource));

		Files.createDirectories(this.tmp.resolve("inbox"));
		var parameters = new RunParameters(7, LocalDate.of(2025, 10, 8), this.tmp.resolve("inbox"),
				this.tmp.resolve("out")).toJobParameters();
		JobExecution night = repository.createJobExecution(repository.createJobInstance("nightlyJob", parameters),
				parameters, new ExecutionContext());
		StepExecution prepare = repository.createStepExecution("prepareOutputs", night);
		partitions.prepare().execute(new StepContribution(prepare), new ChunkContext(new StepContext(prepare)));
		Path building = partitions.building(night.getExecutionContext());
		assertThat(building).isDirectory().hasParent(this.tmp);

		StepExecution manager = repository.createStepExecution("writeOutputParts", night);
		partitions.beforeStep(manager);
		Map<String, ExecutionContext> split = partitions.partition(99);
		assertThat(split).hasSize(parts.size() - 2 + 3 + 2);
		assertThat(split.get("partition5").getString("partition.piece")).isEqualTo("g2");
		assertThat(split.get("partition8").getString("partition.piece")).isEqualTo("y");
		// the workers take them in any order
		List<String> names = new java.util.ArrayList<>(split.keySet());
		java.util.Collections.shuffle(names, new java.util.Random(3));
		for (String name : names) {
			StepExecution partition = repository.createStepExecution(OutputPartitions.WORKER_STEP + ":" + name, night);
			partition.setExecutionContext(split.get(name));
			repository.updateExecutionContext(partition);
			partitions.worker().execute(new StepContribution(partition), new ChunkContext(new StepContext(partition)));
			repository.updateExecutionContext(partition);
		}

		OutputFailures failures = new OutputFailures();
		StepExecution publish = repository.createStepExecution("publishOutputs", night);
		OutputPartitions.Collected collected = partitions.collect(publish, failures);
		assertThat(collected.restrictedFailed()).as("a part writing restricted files failed").isTrue();
		assertThat(collected.pieced()).containsExactly(parts.get(4), parts.get(5));
		assertThat(building.resolve("charts/g1.txt")).hasContent("g1");
		assertThat(building.resolve("charts/g3.txt")).hasContent("g3");
		assertThat(building.resolve("packs/y.txt")).hasContent("y");
		assertThat(failures.list()).extracting(OutputFailures.Failure::toString)
			.containsExactly("second (IllegalStateException: second broke)",
					"lists (IllegalStateException: lists broke)",
					"charts g2 (IllegalStateException: bad data)", "packs x (IllegalStateException: bad data)");
		assertThat(building.resolve("a/first.txt")).hasContent("first");
		assertThat(building.resolve("c.txt")).hasContent("third");
		assertThat(building.resolve("b.txt")).doesNotExist();
	}

}
