package org.hmskg.store.plan;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;

/**
 * Turns the planner on for the queries run with a context: graphs that carry a {@link Catalog} (the union graph of
 * a frozen version) are queried in the planner's order with its indexes; all others as ARQ queries them.
 */
public final class Planning {
    private Planning() {
    }

    /**
     * Sets the planner's executor in {@code context}, and turns off ARQ's filter placement inside basic graph
     * patterns, which would fix the order of patterns before the planner sees them (the planner places filters
     * itself after ordering, and does ARQ's placement where there is no catalog, as TDB2's executor does).
     */
    public static void enable(Context context) {
        if ("off".equals(System.getProperty("hmskg.planner"))) {
            return;
        }
        QC.setFactory(context, PlanExecutor.FACTORY);
        context.set(ARQ.optFilterPlacementBGP, false);
    }
}
