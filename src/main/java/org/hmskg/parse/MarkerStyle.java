package org.hmskg.parse;

/**
 * Heading marker styles in their fixed precedence, outermost first. A document's levels are the ranks of the
 * styles it uses in this order, so a skipped style leaves no gap and each style keeps one level throughout.
 */
public enum MarkerStyle {
    APPENDIX,
    CHAPTER,
    CHAPTER_SECTION,
    ROMAN,
    NUMBER_PERIOD,
    DECIMAL_2,
    DECIMAL_3,
    DECIMAL_4,
    PAREN_NUMBER,
    CIRCLED_NUMBER,
    KATAKANA,
    PAREN_KATAKANA,
    CIRCLE_MARK,
    TOPIC_PAREN,
    TOPIC_ANGLE,
    LABEL_BRACKET
}
