package org.hmskg.serve;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.fuseki.ctl.ActionPing;
import org.apache.jena.fuseki.server.Operation;
import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Ontology;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.RetiredIris;
import org.hmskg.serve.data.ServiceDescription;
import org.hmskg.serve.data.StatusServlet;
import org.hmskg.serve.data.VoidDescription;
import org.hmskg.serve.http.Metrics;
import org.hmskg.serve.http.MetricsServlet;
import org.hmskg.serve.http.Route;
import org.hmskg.serve.http.RouteTable;
import org.hmskg.serve.http.ServerConfig;
import org.hmskg.serve.pages.AssetServlet;
import org.hmskg.serve.pages.CommitmentsServlet;
import org.hmskg.serve.pages.DownloadServlet;
import org.hmskg.serve.pages.EntityServlet;
import org.hmskg.serve.pages.LandingServlet;
import org.hmskg.serve.pages.NetworkServlet;
import org.hmskg.serve.pages.OntologyServlet;
import org.hmskg.serve.pages.SearchServlet;
import org.hmskg.serve.pages.ServiceDescriptionServlet;
import org.hmskg.serve.pages.UiServlet;
import org.hmskg.serve.pages.VoidServlet;

import jakarta.servlet.http.HttpServlet;

/**
 * The route table: every path the server answers, once. The server registers its servlets and Fuseki endpoints
 * from it, and the guard (methods), the response cache ({@code cached()}), admission control (query endpoints and
 * the Graph Store read) and the metrics (the label) read it. A new page is one line here and a servlet with its
 * template in {@code serve.pages}.
 */
final class Routes {
    /** What the handlers are made from. */
    record Parts(Published published, ServerConfig config, Ontology ontology, QueryLibrary examples, IriPaths paths,
                 RetiredIris retired, Metrics metrics, Supplier<StatusServlet.Status> status) {
    }

    private Routes() {
    }

    static RouteTable of(Parts p) {
        HttpServlet description = new ServiceDescriptionServlet(p.published(),
                new ServiceDescription(p.config()), p.config().describeLimits());
        EntityServlet entities = new EntityServlet(p.published(), p.paths(), p.ontology(), p.retired());
        return new RouteTable(List.of(
                Route.page("", "landing", new LandingServlet(p.published(), p.config(), p.ontology(),
                        p.examples(), p.paths())).cached(),
                Route.query("/sparql", "sparql", sparql("/sparql", "", Optional.of(description), Operation.Query))
                        .cached(),
                Route.query("/kg", "kg", sparql("/kg", "", Optional.empty(), Operation.Query, Operation.GSP_R))
                        .cached(),
                Route.query("/kg/sparql", "kg", sparql("/kg", "sparql", Optional.of(description), Operation.Query))
                        .cached(),
                Route.query("/kg/query", "kg", sparql("/kg", "query", Optional.of(description), Operation.Query))
                        .cached(),
                Route.graphStore("/kg/get", "kg", sparql("/kg", "get", Optional.empty(), Operation.GSP_R)),
                Route.data("/id/*", "id", entities).cached(),
                Route.data("/graph/*", "graph", entities).cached(),
                Route.data("/def", "def", new OntologyServlet(p.ontology(), p.paths())).cached(),
                Route.page("/search", "search", new SearchServlet(p.published(), p.paths())).cached(),
                Route.page("/network", "network", new NetworkServlet(p.published(), p.paths())).cached(),
                Route.page("/commitments", "commitments", new CommitmentsServlet(p.published(), p.paths()))
                        .cached(),
                Route.page("/ui/*", "ui", new UiServlet(p.published(), p.config(), p.examples())),
                Route.page("/assets/*", "assets", new AssetServlet()),
                Route.data("/.well-known/void", "void", new VoidServlet(p.published(),
                        new VoidDescription(p.config().baseIri()), p.paths())).cached(),
                Route.data("/download/*", "download", new DownloadServlet(p.published())),
                Route.admin("/$/ping", "ping", new ActionPing()),
                Route.admin("/$/status", "status", new StatusServlet(p.published(), p.status())),
                Route.admin("/$/metrics", "metrics", new MetricsServlet(p.metrics()))));
    }

    private static Route.Sparql sparql(String dataset, String endpoint, Optional<HttpServlet> description,
                                       Operation... operations) {
        return new Route.Sparql(dataset, endpoint, List.of(operations), description);
    }
}
