package io.atspec.sim;

import io.atspec.neoway.network.RegStatus;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a simulated module looks like when it boots. Immutable; the {@code with...} methods
 * return changed copies.
 *
 * @param echo            ATE1 at boot (real Neoway modules echo until ATE0)
 * @param cmeeMode        AT+CMEE mode at boot: 0 ERROR, 1 numeric, 2 verbose +CME ERROR
 * @param simInserted     false: AT+CPIN? answers +CME ERROR: 10 and nothing attaches
 * @param simPinRequired  true: the SIM waits for its PIN ({@code +CPIN: SIM PIN}): not registered, nothing
 *                        attaches, until {@link NeowaySimulator#enterPin()} (again after every reboot)
 * @param registration    the CREG stat the network gives
 * @param rssi            AT+CSQ signal, 0..31 or 99
 * @param ber             AT+CSQ bit error rate, 0..7 or 99
 * @param pppDelay        how long after AT+XIIC=1 the link shows state 1 in AT+XIIC?
 * @param ipAddress       the address AT+XIIC? reports once the link is up
 * @param recvChunkSize   the largest {@code +HTTPRECV: <length>,<data>} chunk in recvmode 1
 * @param firmware        what AT+XIIC? looks like: N58 {@code +XIIC:    <state>,<ip>}, older M590
 *                        {@code +XIIC: <ip>}
 * @param faults          how the serial link to the host misbehaves
 * @param hosts           where url hosts connect: names mapped to addresses (e.g. the manual's hosts to
 *                        a loopback server), unknown names, the default; else the host's resolver
 */
public record SimulatorConfig(
        boolean echo,
        int cmeeMode,
        boolean simInserted,
        boolean simPinRequired,
        RegStatus registration,
        int rssi,
        int ber,
        Duration pppDelay,
        String ipAddress,
        int recvChunkSize,
        Firmware firmware,
        FaultProfile faults,
        HostMap hosts) {

    public SimulatorConfig {
        if (cmeeMode < 0 || cmeeMode > 2) {
            throw new IllegalArgumentException("cmeeMode must be 0, 1 or 2, was " + cmeeMode);
        }
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(pppDelay, "pppDelay");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(hosts, "hosts");
        if (pppDelay.isNegative()) {
            throw new IllegalArgumentException("pppDelay must not be negative, was " + pppDelay);
        }
        if (recvChunkSize < 1) {
            throw new IllegalArgumentException("recvChunkSize must be >= 1, was " + recvChunkSize);
        }
    }

    /** An N58 registered with a ready SIM, echo on, CMEE 0, PPP up 100 ms after AT+XIIC=1. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                true,
                0,
                true,
                false,
                RegStatus.REGISTERED_HOME,
                24,
                0,
                Duration.ofMillis(100),
                "10.0.0.2",
                1024,
                Firmware.N58,
                FaultProfile.none(),
                HostMap.system());
    }

    public SimulatorConfig withEcho(boolean echo) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withCmeeMode(int cmeeMode) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withSimInserted(boolean simInserted) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    /** The SIM waits for its PIN at boot (and after every reboot): {@code AT+CPIN?} -> {@code +CPIN: SIM PIN}. */
    public SimulatorConfig withSimPinRequired(boolean simPinRequired) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    /** Which firmware's {@code AT+XIIC?} answer the module gives. */
    public SimulatorConfig withFirmware(Firmware firmware) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withRegistration(RegStatus registration) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withPppDelay(Duration pppDelay) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withIpAddress(String ipAddress) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withRecvChunkSize(int recvChunkSize) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withFaults(FaultProfile faults) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    public SimulatorConfig withHosts(HostMap hosts) {
        return new SimulatorConfig(
                echo,
                cmeeMode,
                simInserted,
                simPinRequired,
                registration,
                rssi,
                ber,
                pppDelay,
                ipAddress,
                recvChunkSize,
                firmware,
                faults,
                hosts);
    }

    /**
     * A url host (any port), or {@code host:port} (that port only, preferred), connects to
     * {@code address} instead of being looked up, e.g.
     * {@code withHost("www.neoway.com.cn", new InetSocketAddress(InetAddress.getLoopbackAddress(), port))}.
     */
    public SimulatorConfig withHost(String hostOrHostAndPort, InetSocketAddress address) {
        return withHosts(hosts.with(hostOrHostAndPort, address));
    }

    /** Every url host that is not mapped (or unknown) connects to {@code address}: no lookup at all. */
    public SimulatorConfig withDefaultHost(InetSocketAddress address) {
        return withHosts(hosts.withDefault(address));
    }

    /** {@code host} does not resolve (a DNS failure: AT+HTTPSETUP answers ERROR). */
    public SimulatorConfig withUnknownHost(String host) {
        return withHosts(hosts.withUnknown(host));
    }
}
