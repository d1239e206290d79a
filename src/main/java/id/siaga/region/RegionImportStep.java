package id.siaga.region;

import java.util.List;

/**
 * Work that belongs to a national import and runs in its transaction after the regions are
 * written: the agency package creates the agencies and their Camunda groups this way, without
 * the region package knowing about agencies.
 */
public interface RegionImportStep {

  /**
   * Brings what depends on the regions up to date.
   *
   * @param regions every province and regency/city after the import (kecamatan excluded)
   * @return how many rows, groups or grants it created or changed (0 when already up to date)
   */
  int afterRegionsImported(List<Region> regions);
}
