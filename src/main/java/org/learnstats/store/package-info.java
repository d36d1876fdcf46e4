/** Step 2 of the flow: the database that keeps every applied row (events appended to keyed tables, registers merged), the delivery ledger and the rejects (H2 or PostgreSQL, one Flyway history). */
package org.learnstats.store;
