package io.atspec.sim;

import io.atspec.neoway.network.AuthType;

/** One AT+XGAUTH setting. The password is a secret: {@link #toString} never shows it. */
record PdpAuth(int cid, AuthType type, String user, String password) {

    @Override
    public String toString() {
        return "PdpAuth[cid=" + cid + ", type=" + type + ", user=" + user + ", password=***]";
    }
}
