package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;

/**
 * What a decision is about, read once before it is checked: the appeal, its scorecard, the run and template version
 * that scored it, the appealed item, the decider's reason (stripped) and who decides.
 */
public record AppealDecision(Appeal appeal, Scorecard card, ScorecardRun run, ScorecardTemplate template,
                             TemplateItem item, String reason, String decidedBy) {

    static AppealDecision of(Appeal appeal, String reason, String decidedBy) {
        Scorecard card = Scorecard.findById(appeal.scorecardId);
        ScorecardRun run = ScorecardRun.findById(card.runId);
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        return new AppealDecision(appeal, card, run, template, template.item(appeal.itemCode).orElseThrow(), reason,
                decidedBy);
    }
}
