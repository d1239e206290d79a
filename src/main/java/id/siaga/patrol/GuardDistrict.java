package id.siaga.patrol;

/** The guard plan of one kecamatan: its TPS per tier and the police and Linmas they need. */
public record GuardDistrict(String districtCode, GuardPlan plan) {}
