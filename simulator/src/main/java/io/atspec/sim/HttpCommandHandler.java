package io.atspec.sim;

import io.atspec.neoway.http.FileHttpAction;
import io.atspec.neoway.http.FileHttpsAction;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpClose;
import io.atspec.neoway.http.HttpGet;
import io.atspec.neoway.http.HttpGetStat;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpsAction;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsClose;
import io.atspec.neoway.http.HttpsGet;
import io.atspec.neoway.http.HttpsGetStat;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.network.CmeError;
import io.atspec.runtime.bind.AtRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The HTTP commands of manual chapter 9 (9.1-9.4, 9.6-9.8), decoded with the generated
 * {@link HttpRequests}, performed over real TCP connections by {@link HttpLinkCommands} and
 * {@link HttpDownloads}.
 */
final class HttpCommandHandler implements CommandHandler {

    private static final CommandNames NAMES = CommandNames.of(
            HttpPara.NAME,
            HttpPara.ALIASES,
            HttpSetup.NAME,
            HttpSetup.ALIASES,
            HttpAction.NAME,
            HttpAction.ALIASES,
            HttpClose.NAME,
            HttpClose.ALIASES,
            HttpGet.NAME,
            HttpGet.ALIASES,
            HttpGetStat.NAME,
            HttpGetStat.ALIASES,
            HttpsCfg.NAME,
            HttpsCfg.ALIASES,
            HttpsPara.NAME,
            HttpsPara.ALIASES,
            HttpsSetup.NAME,
            HttpsSetup.ALIASES,
            HttpsAction.NAME,
            HttpsAction.ALIASES,
            HttpsClose.NAME,
            HttpsClose.ALIASES,
            HttpsGet.NAME,
            HttpsGet.ALIASES,
            HttpsGetStat.NAME,
            HttpsGetStat.ALIASES,
            FileHttpAction.NAME,
            FileHttpAction.ALIASES,
            FileHttpsAction.NAME,
            FileHttpsAction.ALIASES);

    private final HttpLinkCommands link = new HttpLinkCommands(HttpScheme.HTTP);
    private final HttpDownloads downloads;

    HttpCommandHandler(HttpDownloads downloads) {
        this.downloads = downloads;
    }

    @Override
    public boolean handle(String line, CommandContext c) throws IOException {
        if (!NAMES.names(line)) {
            return false;
        }
        Optional<AtRequest> parsed = link.parse(line, c, HttpAction.class, CmeError.OPERATION_NOT_SUPPORTED);
        if (parsed.isEmpty()) {
            return true;
        }
        AtRequest request = parsed.get();
        if (request instanceof HttpPara para) {
            link.para(change(para), c);
        } else if (request instanceof HttpSetup) {
            link.setup(c);
        } else if (request instanceof HttpAction action) {
            link.action(action, c);
        } else if (request instanceof HttpClose) {
            link.close(c);
        } else if (request instanceof HttpGet.SetForm get) {
            downloads.start(get.type(), get.checkValue(), c);
        } else if (request instanceof HttpGetStat.Query) {
            c.reply().info(downloads.statLine());
            c.reply().ok();
        } else {
            // HTTPS and file-system lines never get here: HttpsCommandHandler comes first.
            c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
        }
        return true;
    }

    /** The setting an AT+HTTPPARA line changes. */
    private static UnaryOperator<HttpSettings> change(HttpPara para) {
        if (para instanceof HttpPara.Url url) {
            return s -> s.withUrl(url.url());
        } else if (para instanceof HttpPara.Port port) {
            return s -> s.withPort(port.port());
        } else if (para instanceof HttpPara.KeepaliveForm keepalive) {
            return s -> s.withKeepalive(keepalive.keepalive());
        } else if (para instanceof HttpPara.RecvmodeForm recvmode) {
            return s -> s.withRecvmode(recvmode.recvmode());
        }
        return UnaryOperator.identity();
    }
}
