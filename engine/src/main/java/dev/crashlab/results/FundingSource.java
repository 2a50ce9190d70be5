package dev.crashlab.results;

/**
 * A published series used as an instrument's funding rate.
 *
 * @param series the non-price series' name
 * @param scale  what a published value is multiplied by to give a rate per 8 hours
 */
public record FundingSource(String series, double scale) {
}
