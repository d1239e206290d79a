package id.siaga.region;

/**
 * Published once per start of the demo when the country is there: at once when it was imported
 * before, or by the background thread right after the first import committed (and before the
 * product opens its pages and APIs). Work that needs the agencies' groups listens to it.
 */
public record NationalDataReady(boolean importedNow) {}
