package org.learnstats.run;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnstats.support.TestDatabase;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a worker does with each partition request, against a real job repository: a fresh one runs
 * once; one delivered again after its worker died, one that already ended, and one of a night that
 * ended are never run; a request that failed outside the step fails its partition.
 */
class PartitionGuardTest {

	/** One migrated store for the class; each test is a night of its own. */
	private static final DataSource STORE = TestDatabase.h2().dataSource();

	private static long nights;

	private JobRepository repository;

	private PartitionGuard guard;

	private JobExecution night;

	@BeforeEach
	void repository() throws Exception {
		DataSource dataSource = STORE;
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(new JdbcTransactionManager(dataSource));
		factory.afterPropertiesSet();
		this.repository = factory.getObject();
		this.guard = new PartitionGuard(this.repository);
		var parameters = new JobParametersBuilder().addLong("run.id", ++nights).toJobParameters();
		this.night = this.repository.createJobExecution(this.repository.createJobInstance("nightlyJob", parameters),
				parameters, new ExecutionContext());
		this.night.setStatus(BatchStatus.STARTED);
		this.repository.update(this.night);
	}

	private StepExecution partition(BatchStatus status) {
		StepExecution partition = this.repository.createStepExecution("writeOutputPart:partition0", this.night);
		if (status != BatchStatus.STARTING) {
			partition.setStatus(status);
			this.repository.update(partition);
		}
		return partition;
	}

	private static Message<StepExecutionRequest> request(StepExecution partition, boolean redelivered) {
		return MessageBuilder.withPayload(new StepExecutionRequest("writeOutputPart", partition.getId()))
			.setHeader(AmqpHeaders.REDELIVERED, redelivered)
			.build();
	}

	private BatchStatus stored(StepExecution partition) {
		return this.repository.getStepExecution(partition.getId()).getStatus();
	}

	@Test
	void aPartitionNotStartedRunsEvenWhenDeliveredAgain() {
		StepExecution fresh = partition(BatchStatus.STARTING);
		assertThat(this.guard.accept(request(fresh, false))).isTrue();
		assertThat(this.guard.accept(request(fresh, true))).as("its worker died before starting it").isTrue();
		assertThat(stored(fresh)).isEqualTo(BatchStatus.STARTING);
	}

	@Test
	void aPartitionWhoseWorkerDiedIsFailedNotRunAgain() {
		StepExecution started = partition(BatchStatus.STARTED);
		assertThat(this.guard.accept(request(started, true))).isFalse();
		StepExecution failed = this.repository.getStepExecution(started.getId());
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getExitStatus().getExitDescription()).contains("the worker running it ended");
	}

	@Test
	void aPartitionThatEndedOrIsRunningElsewhereIsNotRunAgain() {
		StepExecution completed = partition(BatchStatus.COMPLETED);
		assertThat(this.guard.accept(request(completed, true))).isFalse();
		assertThat(stored(completed)).isEqualTo(BatchStatus.COMPLETED);
		StepExecution running = partition(BatchStatus.STARTED);
		assertThat(this.guard.accept(request(running, false))).as("not redelivered: another worker holds it").isFalse();
		assertThat(stored(running)).isEqualTo(BatchStatus.STARTED);
	}

	@Test
	void aPartitionOfANightThatEndedIsFailedNotRun() {
		StepExecution waiting = partition(BatchStatus.STARTING);
		this.night.setStatus(BatchStatus.FAILED);
		this.repository.update(this.night);
		assertThat(this.guard.accept(request(waiting, false))).isFalse();
		assertThat(stored(waiting)).isEqualTo(BatchStatus.FAILED);
	}

	@Test
	void aRequestThatCouldNotBeHandledFailsItsPartition() {
		StepExecution started = partition(BatchStatus.STARTED);
		this.guard.failed(new ErrorMessage(new MessagingException(request(started, false), "store unreachable",
				new IllegalStateException("Connection is not available"))));
		assertThat(stored(started)).isEqualTo(BatchStatus.FAILED);
	}

}
