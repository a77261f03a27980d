package io.iotseal.server.survey.report;

import io.iotseal.server.access.Actor;
import io.iotseal.server.console.OperatorConsole;
import io.iotseal.server.page.Page;
import io.iotseal.server.survey.owner.AddressOwnerService;
import io.iotseal.server.survey.owner.OwnerNoticeService;
import io.iotseal.server.survey.owner.SurveyData;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator console's survey reports (ADR 0106): the campaigns, and one campaign's summary with its trend and
 * the owners of its failing devices with their findings to download, over the same services as the API.
 */
@Controller
class SurveyReportPages {

    private final SurveyData surveys;
    private final SurveyReportService reports;
    private final OwnerNoticeService owners;
    private final AddressOwnerService table;

    SurveyReportPages(SurveyData surveys, SurveyReportService reports, OwnerNoticeService owners, AddressOwnerService table) {
        this.surveys = surveys;
        this.reports = reports;
        this.owners = owners;
        this.table = table;
    }

    @GetMapping("/operator/survey-reports")
    String list(Page page, Actor actor, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        model.addAttribute("page", page);
        model.addAttribute("campaigns", surveys.campaigns(200));
        model.addAttribute("ownerTable", table.active(actor).orElse(null));
        return "surveyreport/operator-list";
    }

    @GetMapping("/operator/survey-reports/{campaign}")
    String one(Page page, Actor actor, Model model, HttpServletResponse response, @PathVariable String campaign,
               @RequestParam(required = false) String against) {
        response.setHeader("Cache-Control", "no-store");
        OperatorConsole.require(actor);
        model.addAttribute("page", page);
        model.addAttribute("summary", reports.summary(actor, campaign, against));
        model.addAttribute("owners", owners.owners(actor, campaign));
        model.addAttribute("ownerTable", table.active(actor).orElse(null));
        return "surveyreport/operator-campaign";
    }
}
