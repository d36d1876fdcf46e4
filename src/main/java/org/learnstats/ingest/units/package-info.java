/** Ingest of the units register (单位): the unit forest every other kind refers to. */
package org.learnstats.ingest.units;
