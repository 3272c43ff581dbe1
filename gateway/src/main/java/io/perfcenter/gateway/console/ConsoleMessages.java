package io.perfcenter.gateway.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label of the console's pages, in English; {@code messages/msg_zh_CN.properties} has the same keys in Chinese
 * (zh-CN). Templates use them as {@code {msg:key}} and render in the request's language ({@link ConsoleLanguage}).
 * Data (codes, names, explanations, statuses) comes from the API as it answers and is not translated here.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    // ---- layout ----
    @Message("en")
    String htmlLang();

    @Message("Main")
    String navMain();

    @Message("My month")
    String myMonth();

    @Message("My group")
    String myGroup();

    @Message("Anomalies")
    String anomalies();

    @Message("The figures behind it, and its trend")
    String itemDetail();

    @Message("Reviews")
    String navReviews();

    @Message("My team")
    String navTeam();

    @Message("Appeals")
    String navAppeals();

    @Message("Runs")
    String navRuns();

    @Message("What-if")
    String navWhatIf();

    @Message("Board")
    String navBoard();

    @Message("Notifications")
    String navNotifications();

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    // ---- sign-in ----
    @Message("Sign in")
    String signIn();

    @Message("Local mode: the suite trusts its own key pair (no identity provider). Choose a demo person.")
    String localMode();

    @Message("No demo people were given to the gateway (PERFCENTER_CONSOLE_LOCAL_PEOPLE); start the suite with ./perfcenter --demo.")
    String noPeople();

    @Message("(expired: restart the suite)")
    String expired();

    @Message("This PerfCenter signs people in through its identity provider.")
    String providerMode();

    @Message("Sign in with the identity provider")
    String signInWithProvider();

    @Message("Signed in")
    String signedIn();

    @Message("Continue to the console")
    String continueToConsole();

    @Message("Back to the console")
    String backToConsole();

    // ---- months ----
    @Message("Months")
    String months();

    // ---- the month ----
    @Message("Month of {employeeId}")
    String monthOf(String employeeId);

    @Message("Result")
    String result();

    @Message("Total")
    String total();

    @Message("Grade")
    String grade();

    @Message("Rank")
    String rank();

    @Message("{rank} of {count}")
    String rankOf(int rank, Long count);

    @Message("Percentile")
    String percentile();

    @Message("Items")
    String items();

    @Message("Value")
    String value();

    @Message("{count} records")
    String records(String count);

    @Message("Points")
    String points();

    @Message("Weight")
    String weight();

    @Message("Adds")
    String adds();

    @Message("Not enough data: {handling}")
    String notEnoughData(String handling);

    @Message("Appeal this item")
    String appealItem();

    @Message("What is wrong")
    String whatIsWrong();

    @Message("The score itself")
    String theScore();

    @Message("A record behind it")
    String aRecord();

    @Message("Which record (for a record)")
    String whichRecord();

    @Message("Reason")
    String reason();

    @Message("File the appeal")
    String fileAppeal();

    @Message("No scorecard of yours for {period} yet (agents see a scorecard once it is published).")
    String noOwnScorecard(String period);

    @Message("No scorecard for {period} yet.")
    String noScorecard(String period);

    @Message("Total, last 12 months")
    String trendTitle();

    @Message("Total per month, 12 months up to {period}")
    String trendLabel(String period);

    @Message("Pay")
    String pay();

    @Message("total")
    String payTotal();

    @Message("approved")
    String approved();

    @Message("provisional")
    String provisional();

    @Message("Line")
    String line();

    @Message("Amount")
    String amount();

    @Message("How")
    String how();

    @Message("No pay statement for {period}.")
    String noPay(String period);

    @Message("Appeals")
    String appeals();

    @Message("No appeal on this month.")
    String noAppeal();

    @Message("Item")
    String item();

    @Message("Kind")
    String kind();

    @Message("Status")
    String status();

    @Message("Decision")
    String decision();

    // ---- the group ----
    @Message("Group")
    String group();

    @Message("No scorecards you may see for {period}.")
    String noGroupScorecards(String period);

    @Message("Points per item; click a heading to sort")
    String groupCaption();

    @Message("Agent")
    String agent();

    @Message("Unit")
    String unit();
}
