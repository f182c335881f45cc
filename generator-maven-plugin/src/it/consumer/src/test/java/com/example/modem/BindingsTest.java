package com.example.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.modem.basic.Cfun;
import com.example.modem.basic.Csq;
import com.example.modem.basic.CsqResponse;
import com.example.modem.factory.SelfTest;
import com.example.modem.factory.SelfTestResponse;
import io.atspec.runtime.AtArgumentException;
import org.junit.jupiter.api.Test;

/** The main spec's and the test spec's bindings, used from a test. */
class BindingsTest {

    @Test
    void requestsAreWrittenAsTheManualShowsThem() {
        assertEquals("AT+CSQ", Csq.exec().line());
        assertEquals("AT+CFUN=4", Cfun.set(4).line());
        assertEquals("AT+CFUN?", Cfun.query().line());
    }

    @Test
    void answersAreRead() {
        CsqResponse csq = CsqResponse.parse("+CSQ: 20,0");
        assertEquals(20, csq.rssi());
        assertEquals(0, csq.ber());
    }

    @Test
    void aValueOutsideItsRangeIsRefusedBeforeAnythingIsSent() {
        AtArgumentException e = assertThrows(AtArgumentException.class, () -> Cfun.set(2));
        assertTrue(e.getMessage().contains("AT+CFUN"), e.getMessage());
    }

    @Test
    void theTestSpecIsGeneratedForTheTestsToo() {
        assertEquals("AT+XTEST", SelfTest.exec().line());
        assertEquals(0, SelfTestResponse.parse("+XTEST: 0").result());
    }
}
