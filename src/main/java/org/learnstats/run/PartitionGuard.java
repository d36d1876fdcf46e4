package org.learnstats.run;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * A worker's check of each partition request before it runs, so that no partition is applied
 * twice and none is left running for ever:
 * <ul>
 * <li>a partition not started yet, of a night still running, runs;</li>
 * <li>a partition started by a worker that died (the broker delivers it again, since it was never
 * acknowledged) is marked failed, not run again: the manager sees it fail, the night ends with
 * exit 1 and the next run writes the outputs anew;</li>
 * <li>a partition that already ended, or whose night ended (a manager killed and its run recovered
 * as failed, Spring Batch issue #4011), is dropped;</li>
 * <li>a request whose handling failed outside the step (the store unreachable, Spring Batch issue
 * #4006) marks the partition failed instead of leaving the manager waiting.</li>
 * </ul>
 */
class PartitionGuard {

	private static final Logger log = LoggerFactory.getLogger(PartitionGuard.class);

	private final JobRepository jobRepository;

	PartitionGuard(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	boolean accept(Message<?> message) {
		if (!(message.getPayload() instanceof StepExecutionRequest request)) {
			log.warn("Not a partition request, dropped: {}", message.getPayload().getClass().getName());
			return false;
		}
		StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			log.warn("Partition {} is not in the job repository: dropped", request.getStepExecutionId());
			return false;
		}
		BatchStatus night = partition.getJobExecution().getStatus();
		if (!night.isRunning()) {
			fail(partition, "its night ended " + night + " before the partition ran");
			return false;
		}
		if (partition.getStatus() == BatchStatus.STARTING) {
			log.info("Partition {} ({}) taken", partition.getStepName(), partition.getId());
			return true;
		}
		if (partition.getStatus().isRunning()
				&& Boolean.TRUE.equals(message.getHeaders().get(AmqpHeaders.REDELIVERED))) {
			fail(partition, "the worker running it ended before it finished");
			return false;
		}
		log.warn("Partition {} ({}) is already {}: not run again", partition.getStepName(), partition.getId(),
				partition.getStatus());
		return false;
	}

	/** The error channel of the listener: the request could not be handled at all. */
	void failed(Message<?> error) {
		if (error.getPayload() instanceof MessagingException ex && ex.getFailedMessage() != null
				&& ex.getFailedMessage().getPayload() instanceof StepExecutionRequest request) {
			StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
			if (partition != null) {
				fail(partition, "its request could not be handled: " + Secrets.mask(String.valueOf(ex.getCause())));
			}
			return;
		}
		log.error("A partition request could not be handled: {}", error.getPayload());
	}

	private void fail(StepExecution partition, String why) {
		if (!partition.getStatus().isRunning()) {
			log.warn("Partition {} ({}) dropped: {}", partition.getStepName(), partition.getId(), why);
			return;
		}
		log.error("Partition {} ({}) marked failed: {}", partition.getStepName(), partition.getId(), why);
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
		partition.setEndTime(LocalDateTime.now());
		this.jobRepository.update(partition);
	}

}
