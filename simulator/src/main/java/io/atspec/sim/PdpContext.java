package io.atspec.sim;

import io.atspec.neoway.network.PdpType;

/** One AT+CGDCONT entry, with the module's defaults filled in for omitted fields. */
record PdpContext(int cid, PdpType type, String apn, String address, int dataCompression, int headerCompression) {

    /** The query line, e.g. {@code +CGDCONT: 1,"IP","CMNET","0.0.0.0",0,0}. */
    String queryLine() {
        return "+CGDCONT: " + cid + ",\"" + type.code() + "\",\"" + apn + "\",\"" + address + "\"," + dataCompression
                + "," + headerCompression;
    }
}
