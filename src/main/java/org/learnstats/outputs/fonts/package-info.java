/** Step 4 of the flow, shared by charts and packs: the CJK font the build ships, so Chinese renders on any machine. */
package org.learnstats.outputs.fonts;
