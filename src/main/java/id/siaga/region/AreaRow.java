package id.siaga.region;

/** One line of a national area file: a code, the parent's code (null for a province), a name. */
record AreaRow(String code, String parentCode, String name, RegionLevel level) {}
