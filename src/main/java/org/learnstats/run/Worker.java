package org.learnstats.run;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.Lifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The {@code worker} command: listens for partitions until the process is stopped (SIGTERM lets
 * the partition in hand end first; kill -9 leaves it to the {@link PartitionGuard} of the next
 * worker that receives it).
 */
class Worker implements ApplicationListener<ContextClosedEvent> {

	/** The bean id of the partition listener, started only by this command. */
	static final String LISTENER = "partitionListener";

	private static final Logger log = LoggerFactory.getLogger(Worker.class);

	private final ApplicationContext context;

	private final String queue;

	private final String broker;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile boolean serving;

	Worker(ApplicationContext context, String queue, String broker) {
		this.context = context;
		this.queue = queue;
		this.broker = broker;
	}

	/** Takes partitions until the application is closed. */
	int serve() throws InterruptedException {
		this.serving = true;
		this.context.getBean(LISTENER, Lifecycle.class).start();
		log.info("Worker listening for partitions on queue {} at {}", this.queue, this.broker);
		this.stopped.await();
		return ExitCodes.DONE;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (this.serving && event.getApplicationContext() == this.context) {
			log.info("Worker stopping");
			this.stopped.countDown();
		}
	}

}
