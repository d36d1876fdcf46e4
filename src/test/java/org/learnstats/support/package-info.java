/** Test support: fresh H2 and PostgreSQL stores for tests. */
package org.learnstats.support;
