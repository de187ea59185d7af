package org.hmskg.serve.data;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.hmskg.serve.http.AdmissionFilter;

/**
 * The dataset Fuseki publishes: it follows whatever version is current, and a transaction keeps the version it
 * began on. {@code begin} pins the current version to the calling thread and {@code end} releases it, so a swap
 * is atomic for new requests while queries in flight finish on the old version. Fuseki runs a query, and writes its
 * results, inside one read transaction on the request thread.
 */
public final class LiveDataset extends DatasetGraphWrapper {
    private final Supplier<DatasetGraph> current;
    private final ThreadLocal<DatasetGraph> pinned = new ThreadLocal<>();

    public LiveDataset(Supplier<DatasetGraph> current, Context context) {
        super(null, context);
        this.current = current;
    }

    @Override
    protected DatasetGraph get() {
        DatasetGraph p = pinned.get();
        return p != null ? p : current.get();
    }

    /** With the cancel signal of the query admitted on this thread, so that admission control can stop it. */
    @Override
    public Context getContext() {
        AtomicBoolean signal = AdmissionFilter.cancelSignal();
        if (signal == null) {
            return super.getContext();
        }
        Context context = super.getContext().copy();
        context.set(ARQConstants.symCancelQuery, signal);
        return context;
    }

    @Override
    public void begin() {
        begin(TxnType.READ);
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public void begin(TxnType type) {
        if (pinned.get() != null) {
            throw new JenaTransactionException("already in a transaction on this thread");
        }
        DatasetGraph version = current.get();
        version.begin(type);
        pinned.set(version);
    }

    @Override
    public void end() {
        DatasetGraph p = pinned.get();
        if (p == null) {
            return;
        }
        try {
            p.end();
        } finally {
            pinned.remove();
        }
    }
}
