package com.example.modem;

import com.example.modem.basic.BasicCommands;
import com.example.modem.basic.CsqResponse;
import io.atspec.runtime.AtChannel;

/** Application code on the generated bindings: it compiles only if they are generated first. */
public final class Signal {
    private Signal() {}

    /** The signal strength, 0..31, or 99 when the module does not know it. */
    public static long strength(AtChannel modem) {
        CsqResponse csq = new BasicCommands(modem).csqExec();
        return csq.rssi();
    }
}
