package io.atspec.cli;

import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.network.CpinResponse;
import io.atspec.neoway.network.CregQueryResponse;
import io.atspec.neoway.network.LinkState;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.RegStatus;
import io.atspec.neoway.network.Xiic;
import io.atspec.neoway.network.XiicOutcome;
import io.atspec.neoway.network.XiicResponse;
import io.atspec.runtime.AtChannel;
import java.io.PrintWriter;
import java.time.Duration;

/** A channel to the module with both chapters' facades, and the attach check drivers do. */
final class ModemSession implements AutoCloseable {

  final AtChannel channel;
  final NetworkCommands net;
  final HttpCommands http;
  private final ModemOptions.Opened opened;

  private ModemSession(ModemOptions.Opened opened) {
    this.opened = opened;
    this.channel = AtChannel.open(opened.transport());
    this.net = new NetworkCommands(channel);
    this.http = new HttpCommands(channel);
  }

  static ModemSession open(ModemOptions options) {
    ModemOptions.Opened opened = options.open();
    try {
      return new ModemSession(opened);
    } catch (RuntimeException e) {
      closeQuietly(opened.simulator());
      throw e;
    }
  }

  String description() {
    return opened.description();
  }

  /**
   * AT+CPIN? (READY), AT+CREG? (registered, home or roaming), AT+XIIC? and AT+XIIC=1 with
   * polling when the PPP link is down. Progress goes to {@code log}.
   */
  void attach(PrintWriter log, Duration timeout) {
    CpinResponse pin = net.cpinQuery();
    if (!pin.code().equalsIgnoreCase("READY")) {
      throw new CliException("the SIM is not ready: +CPIN: " + pin.code());
    }
    CregQueryResponse reg = net.cregQuery();
    if (!(reg.stat().is(RegStatus.REGISTERED_HOME) || reg.stat().is(RegStatus.REGISTERED_ROAMING))) {
      throw new CliException("the module is not registered: +CREG stat " + reg.stat());
    }
    XiicResponse link = net.xiicQuery();
    if (link.state().map(s -> s.is(LinkState.UP)).orElse(false)) {
      log.println("attached: SIM ready, " + reg.stat() + ", PPP up (" + link.ip() + ")");
      return;
    }
    XiicOutcome up = net.xiic(Xiic.activate(), timeout);
    log.println("attached: SIM ready, " + reg.stat() + ", PPP activated ("
        + up.result().map(XiicResponse::ip).orElse("?") + ")");
  }

  @Override
  public void close() {
    try {
      channel.close();
    } finally {
      closeQuietly(opened.simulator());
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing anyway
      }
    }
  }
}
