package org.hmskg.extract.entity;

/**
 * One way of finding names in a text. A rule reads the scan's normalised text and adds candidates (a span and what
 * it names); it may also mark characters no other candidate may cover. Rules run in a fixed order and the scanner
 * chooses among their candidates afterwards.
 */
interface Rule {
    void propose(Scan scan);
}
