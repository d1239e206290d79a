package id.siaga.logistics;

/**
 * The quantities of one item at one place of a leg: a kecamatan, or the region's warehouse
 * ({@code siaga_logistics_quantity}). Null: not counted yet.
 */
public record QuantityRow(String placeCode, LogisticsItem item, int computed, int planned, String overrideReason,
    Integer dispatched, Integer received, Integer damaged, int replaced, Integer destroyed, Integer surplusDestroyed) {}
