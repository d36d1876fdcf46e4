package org.learnstats.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.learnstats.ingest.ExportKind;
import org.learnstats.ingest.InboxPlan;
import org.learnstats.ingest.IngestLimits;
import org.learnstats.ingest.ProgressListener;
import org.learnstats.store.DeliveryLedger;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A night spread over workers ({@code learnstats.workers.enabled=true}, RabbitMQ in Spring Boot's
 * {@code spring.rabbitmq.*}): the {@code run} becomes a manager whose output parts are partitions
 * sent over one durable queue ({@code learnstats.workers.queue}) with Spring Batch's remote
 * partitioning, and so are the files of each event kind's ingest ({@link IngestPartitions}), and {@code java -jar learnstats.jar worker} takes them one at a time
 * ({@code learnstats.workers.concurrency}) on any number of machines sharing the store.
 * <p>
 * The manager polls the shared job repository for the partitions' ends rather than waiting for
 * replies (no reply can be stolen by another run or lost with a restarted manager), every
 * {@code learnstats.workers.poll-interval}, at most {@code learnstats.workers.timeout}; a partition
 * is acknowledged only once it ended, and {@link PartitionGuard} fails one whose worker died
 * instead of applying it twice. Without the property none of this exists: no broker is contacted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "learnstats.workers.enabled")
@EnableIntegration
class WorkersConfiguration {

	/** The manager's output steps, used by the nightly job instead of {@code writeOutputs}. */
	record OutputSteps(Step prepare, Step write, Step publish) {
	}

	/** The manager's ingest step of an event kind, whose files are partitions taken by workers. */
	interface IngestSteps {

		Step ingest(ExportKind kind, String name, StepExecutionListener announcer);

	}

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final String queue;

	WorkersConfiguration(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			@Value("${learnstats.workers.queue:learnstats.partitions}") String queue) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.queue = queue;
	}

	@Bean
	Queue partitionQueue() {
		return new Queue(this.queue, true);
	}

	@Bean
	OutputPartitions outputPartitions(OutputParts parts) {
		return new OutputPartitions(parts.distributed(), this.jobRepository, parts.readModels());
	}

	@Bean
	PartitionGuard partitionGuard() {
		return new PartitionGuard(this.jobRepository);
	}

	@Bean
	IngestPartitions ingestPartitions(InboxPlan plan, List<ExportKind> kinds, DataSource dataSource,
			DeliveryLedger ledger, ProgressListener progress, IngestLimits limits, Environment env) {
		return new IngestPartitions(plan, kinds, dataSource, ledger, progress, limits,
				env.getProperty("learnstats.ingest.files-per-chunk", Integer.class, 16),
				env.getProperty("learnstats.workers.ingest-files-per-partition", Integer.class, 64));
	}

	// the manager

	@Bean
	IngestSteps ingestSteps(DirectChannel partitionRequests, IngestPartitions partitions, BeanFactory beans,
			Environment env) {
		return (kind, name, announcer) -> {
			IngestPartitions.Manager manager = partitions.manager(kind);
			return managerStep(name, IngestPartitions.WORKER_STEP, manager, manager, announcer, partitionRequests,
					beans, env);
		};
	}

	/**
	 * A manager's partitioned step: its partitions go to the broker, and their ends are polled
	 * from the job repository.
	 */
	private Step managerStep(String name, String workerStep, Partitioner partitioner, StepExecutionListener planner,
			StepExecutionListener announcer, DirectChannel partitionRequests, BeanFactory beans, Environment env) {
		return new RemotePartitioningManagerStepBuilder(name, this.jobRepository)
			.partitioner(workerStep, partitioner)
			.outputChannel(partitionRequests)
			.pollInterval(pollInterval(env).toMillis())
			.timeout(timeout(env).toMillis())
			.beanFactory(beans)
			.listener(planner)
			.listener(announcer)
			.allowStartIfComplete(true)
			.build();
	}

	private static Duration pollInterval(Environment env) {
		return env.getProperty("learnstats.workers.poll-interval", Duration.class, Duration.ofMillis(500));
	}

	private static Duration timeout(Environment env) {
		return env.getProperty("learnstats.workers.timeout", Duration.class, Duration.ofHours(4));
	}

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow partitionsToBroker(DirectChannel partitionRequests, AmqpTemplate rabbitTemplate) {
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(this.queue))
			.get();
	}

	@Bean
	OutputSteps outputSteps(DirectChannel partitionRequests, OutputPartitions partitions, OutputParts parts, BeanFactory beans, Environment env,
			LoggingProgress progress, @Value("${learnstats.restricted-dir:}") String restrictedDir) {
		Path restricted = restrictedDir.isBlank() ? null : Path.of(restrictedDir).toAbsolutePath().normalize();
		var announcer = new StepExecutionListener() {
			@Override
			public void beforeStep(org.springframework.batch.core.step.StepExecution stepExecution) {
				progress.stepStarted(stepExecution.getStepName());
			}
		};
		Step prepare = new StepBuilder("prepareOutputs", this.jobRepository)
			.tasklet(partitions.prepare(), this.transactionManager)
			.listener(announcer)
			.allowStartIfComplete(true)
			.build();
		Step write = managerStep("writeOutputParts", OutputPartitions.WORKER_STEP, partitions, partitions, announcer,
				partitionRequests, beans, env);
		Step publish = new StepBuilder("publishOutputs", this.jobRepository)
			.tasklet(new WriteOutputsTasklet(parts.onManager().stream().map(List::of).toList(), 1, parts.readModels(),
					restricted, partitions), this.transactionManager)
			.listener(announcer)
			.allowStartIfComplete(true)
			.build();
		return new OutputSteps(prepare, write, publish);
	}

	// the worker

	@Bean
	DirectChannel workerRequests() {
		return new DirectChannel();
	}

	@Bean
	Step writeOutputPart(DirectChannel workerRequests, OutputPartitions partitions, BeanFactory beans) {
		return workerStep(OutputPartitions.WORKER_STEP, partitions.worker(), workerRequests, beans);
	}

	@Bean
	Step ingestPart(DirectChannel workerRequests, IngestPartitions partitions, BeanFactory beans) {
		return workerStep(IngestPartitions.WORKER_STEP, partitions.worker(), workerRequests, beans);
	}

	/** A worker's step, found by its name (the bean's) when a partition request names it. */
	private Step workerStep(String name, Tasklet tasklet, DirectChannel workerRequests, BeanFactory beans) {
		return new RemotePartitioningWorkerStepBuilder(name, this.jobRepository).inputChannel(workerRequests)
			.beanFactory(beans)
			.tasklet(tasklet, this.transactionManager)
			.build();
	}

	/**
	 * Partitions from the broker: one unacknowledged message per consumer, acknowledged when its
	 * step ended (a worker killed mid-partition leaves it to the broker to deliver again, and the
	 * guard fails it); a message that fails is never put back in the queue.
	 */
	@Bean
	SimpleMessageListenerContainer partitionContainer(ConnectionFactory connectionFactory, Environment env) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(this.queue);
		int consumers = env.getProperty("learnstats.workers.concurrency", Integer.class, 1);
		container.setConcurrentConsumers(consumers);
		container.setPrefetchCount(1);
		container.setAcknowledgeMode(AcknowledgeMode.AUTO);
		container.setDefaultRequeueRejected(false);
		container.setAutoStartup(false);
		// SIGTERM: the partition in hand ends first (systemd's TimeoutStopSec is longer)
		container.setShutdownTimeout(
				env.getProperty("learnstats.workers.stop-timeout", Duration.class, Duration.ofMinutes(5)).toMillis());
		return container;
	}

	@Bean
	IntegrationFlow partitionsFromBroker(DirectChannel workerRequests, SimpleMessageListenerContainer partitionContainer,
			PartitionGuard guard) {
		SimpleMessageConverter converter = new SimpleMessageConverter();
		converter.setAllowedListPatterns(java.util.List.of("org.springframework.batch.integration.partition.*",
				"java.lang.*", "java.util.*"));
		DirectChannel errors = new DirectChannel();
		errors.subscribe(guard::failed);
		return IntegrationFlow
			.from(Amqp.inboundAdapter(partitionContainer)
				.messageConverter(converter)
				.errorChannel(errors)
				.autoStartup(false)
				.id(Worker.LISTENER))
			.filter(org.springframework.messaging.Message.class, guard::accept)
			.channel(workerRequests)
			.get();
	}

	@Bean
	Worker worker(org.springframework.context.ApplicationContext context, Environment env) {
		return new Worker(context, this.queue, env.getProperty("spring.rabbitmq.host", "localhost") + ":"
				+ env.getProperty("spring.rabbitmq.port", "5672"));
	}

}
