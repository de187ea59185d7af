package org.hmskg.serve.data;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Which endpoints a {@code SERVICE} clause may call: none by default, so that a query cannot make the server reach
 * internal addresses; with an allow-list, exactly those endpoint IRIs. Fuseki answers a refused call with 422.
 */
public final class ServicePolicy {
    private ServicePolicy() {
    }

    public static void apply(Context context, List<String> allowList) {
        if (allowList.isEmpty()) {
            context.set(ARQ.httpServiceAllowed, false);
            return;
        }
        Set<String> allowed = Set.copyOf(allowList);
        ChainingServiceExecutor guard = (opExecute, opOriginal, binding, execCxt, chain) -> {
            Node endpoint = opExecute.getService();
            if (endpoint == null || !endpoint.isURI() || !allowed.contains(endpoint.getURI())) {
                throw new QueryDeniedException("SERVICE <" + (endpoint == null ? "" : endpoint)
                        + "> is not allowed: this server calls only " + String.join(", ", allowList));
            }
            return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        };
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.get().copy();
        registry.addSingleLink(guard);
        ServiceExecutorRegistry.set(context, registry);
        context.set(ARQ.httpServiceAllowed, true);
    }
}
