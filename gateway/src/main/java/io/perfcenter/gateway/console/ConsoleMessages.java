package io.perfcenter.gateway.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label of the console's pages, in English; {@code messages/msg_zh_CN.properties} has the same keys in Chinese
 * (zh-CN). Templates use them as {@code {msg:key}} and render in the request's language ({@link ConsoleLanguage}).
 * Data (names, explanations) comes from the API as it answers and is not translated here; the API's codes (statuses,
 * kinds, actions, record fields) have labels here too, looked up by {@link CodeLabels}.
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

    // ---- engagement: leaderboards, contests, points and badges (EngageViews) ----
    @Message("Leaderboard")
    String navLeaderboard();

    @Message("Contests")
    String navContests();

    @Message("Leaderboard")
    String leaderboardTitle();

    @Message("A unit's ranking for a period on the scorecard total or a metric, as the center's policy lets you see it (agents: the top places and their own row).")
    String leaderboardIntro();

    @Message("Choose a leaderboard")
    String chooseBoard();

    @Message("YYYY-MM, or YYYY-Qn for a metric")
    String boardPeriodHint();

    @Message("A leaderboard needs a unit code, a measure (score or a metric code) and HIGHER or LOWER.")
    String boardQuery();

    @Message("Ranked on")
    String measure();

    @Message("Scorecard total")
    String measureScore();

    @Message("Highest first")
    String higherFirst();

    @Message("Lowest first")
    String lowerFirst();

    @Message("Every row with names")
    String boardFull();

    @Message("Top {topN} and your own row; others' names {names}")
    String boardTopN(String topN, String names);

    @Message("shown")
    String namesShown();

    @Message("anonymised")
    String namesAnonymised();

    @Message("{count} ranked")
    String rankedCount(int count);

    @Message("{count} listed apart")
    String unrankedCount(int count);

    @Message("Your place: {rank} of {count}")
    String yourPlace(String rank, String count);

    @Message("You are listed apart, not ranked: {reason}")
    String yourPlaceApart(String reason);

    @Message("Agent #{position}")
    String anonymousAgent(String position);

    @Message("you")
    String you();

    @Message("Frozen {at} by {by}: the board as it stood then")
    String frozenBy(String at, String by);

    @Message("Live: computed from the figures now")
    String boardLive();

    @Message("Nobody is ranked on this board.")
    String boardEmpty();

    @Message("Bar chart of the leaderboard of {unit} for {period}")
    String boardChartLabel(String unit, String period);

    @Message("Places by competition ranking (1, 2, 2, 4)")
    String boardCaption();

    @Message("Samples")
    String samplesLabel();

    @Message("Listed apart (not ranked)")
    String listedApart();

    @Message("Snapshots")
    String snapshots();

    @Message("This board is a snapshot frozen {at} by {by}.")
    String snapshotOfBoard(String at, String by);

    @Message("This board has no snapshot: it is recomputed on every read.")
    String noSnapshot();

    @Message("Freeze this board now (snapshot)")
    String freezeBoard();

    @Message("No unit is visible to this account, so there is no leaderboard to show.")
    String noBoardUnit();

    @Message("the leaderboard of {unit} for {period}")
    String whatBoard(String unit, String period);

    @Message("freezing the leaderboard of {unit} for {period}")
    String whatFreezing(String unit, String period);

    @Message("the frozen leaderboards of {unit}")
    String engageWhatSnapshots(String unit);

    @Message("Frozen boards of {unit}")
    String engageSnapshotsOfUnit(String unit);

    @Message("No board of this unit has been frozen (that you may see).")
    String engageNoSnapshots();

    @Message("The unit's snapshots, newest frozen first")
    String engageSnapshotsCaption();

    @Message("Frozen")
    String engageFrozenAt();

    @Message("By")
    String engageFrozenByLabel();

    @Message("Ranked")
    String engageRankedLabel();

    @Message("Listed apart")
    String engageApartLabel();

    @Message("Open")
    String engageOpenSnapshot();

    @Message("shown above")
    String engageThisBoard();

    @Message("Badge catalog")
    String engageBadgesLink();

    @Message("Leaderboard policy")
    String engagePolicyLink();

    @Message("Badge catalog")
    String engageBadgesTitle();

    @Message("The badges contests award. A code is defined once; a retired badge stays with the agents who earned it.")
    String engageBadgesIntro();

    @Message("Badges by code, retired ones included")
    String engageBadgesCaption();

    @Message("The catalog has no badge yet.")
    String engageNoBadges();

    @Message("Name (Chinese)")
    String engageNameZh();

    @Message("Name (English)")
    String engageNameEn();

    @Message("Created")
    String engageCreated();

    @Message("State")
    String engageBadgeState();

    @Message("In use")
    String engageInUse();

    @Message("Retired {at} by {by}")
    String engageRetiredOn(String at, String by);

    @Message("Add a badge")
    String engageCreateBadge();

    @Message("Add the badge")
    String engageCreateBadgeButton();

    @Message("1 to 64 letters, digits, '_', '.' or '-'; a code is defined once")
    String engageBadgeCodeHint();

    @Message("the badge catalog")
    String engageWhatBadgeCatalog();

    @Message("adding badge {code}")
    String engageWhatCreatingBadge(String code);

    @Message("Leaderboard policy")
    String engagePolicyTitle();

    @Message("How a center's leaderboards are shown to agents: the top places they see besides their own row, whether the others are named, and the samples a metric's figure needs to be ranked. hr, admin and a unit's leaders always see every row.")
    String engagePolicyIntro();

    @Message("Choose a center")
    String engageChooseCenter();

    @Message("Center")
    String engageCenter();

    @Message("In force")
    String engagePolicyNow();

    @Message("This center has no policy of its own: the default applies (top 10, names anonymised, no minimum of samples).")
    String engagePolicyDefault();

    @Message("Set {at} by {by}")
    String engagePolicyUpdated(String at, String by);

    @Message("Places agents see (top N)")
    String engageTopN();

    @Message("Other agents' names")
    String engageNames();

    @Message("Shown")
    String engageNamesShown();

    @Message("Anonymised (\"Agent #3\")")
    String engageNamesAnonymised();

    @Message("Minimum samples per metric")
    String engageMinSamples();

    @Message("None: every figure is ranked")
    String engageNoMinSamples();

    @Message("{metric}: {samples}")
    String engageMinSampleOf(String metric, String samples);

    @Message("Whatever the policy, in a group with fewer ranked agents than the privacy minimum (a server setting) an agent sees only their own row.")
    String engagePrivacyNote();

    @Message("Change the policy")
    String engageChangePolicy();

    @Message("metric=samples, separated by commas, e.g. csat=30, aht=50; metrics not named need none")
    String engageMinSamplesHint();

    @Message("Save the policy")
    String engageSavePolicy();

    @Message("No center is visible to this account: open the page with ?center= and a center code.")
    String engageNoCenter();

    @Message("the leaderboard policy of {center}")
    String engageWhatPolicy(String center);

    @Message("saving the leaderboard policy of {center}")
    String engageWhatSavingPolicy(String center);

    @Message("minSamples: write metric=samples pairs separated by commas (e.g. csat=30, aht=50). Nothing was sent.")
    String engageMinSamplesFormat();

    @Message("The API does not show {what} to you (another unit's, or one you are not on).")
    String notShownToYou(String what);

    @Message("Contests")
    String contestsTitle();

    @Message("Time-boxed challenges on a metric; closing one awards points and badges.")
    String contestsIntro();

    @Message("your units: {units}")
    String yourUnits(String units);

    @Message("Active")
    String contestsActive();

    @Message("Closed")
    String contestsClosed();

    @Message("No contest here.")
    String noContests();

    @Message("Contest")
    String contest();

    @Message("Metric")
    String metricLabel();

    @Message("Units")
    String unitsLabel();

    @Message("Window")
    String window();

    @Message("Rules")
    String rules();

    @Message("Closed")
    String closedLabel();

    @Message("Create a contest")
    String createContest();

    @Message("Create the contest")
    String createContestButton();

    @Message("Mode")
    String mode();

    @Message("Individual")
    String modeIndividual();

    @Message("Team (units compete)")
    String modeTeam();

    @Message("Unit codes, separated by commas")
    String unitsHint();

    @Message("First day")
    String fromDay();

    @Message("Last day (inclusive)")
    String toDay();

    @Message("Minimum samples")
    String minSamplesLabel();

    @Message("Rule 1")
    String ruleFirst();

    @Message("Rule 2 (optional)")
    String ruleSecond();

    @Message("Kind")
    String ruleType();

    @Message("GOAL: reach a threshold")
    String ruleTypeGoal();

    @Message("TOP: the first places")
    String ruleTypeTop();

    @Message("Threshold (GOAL)")
    String threshold();

    @Message("Places (TOP)")
    String places();

    @Message("Badge")
    String badge();

    @Message("{points} points")
    String earnsPoints(String points);

    @Message(", badge {badge}")
    String andBadge(String badge);

    @Message("Reach {threshold}: {earns}")
    String ruleGoal(String threshold, String earns);

    @Message("Top {places}: {earns}")
    String ruleTop(String places, String earns);

    @Message("open")
    String contestOpen();

    @Message("closed")
    String contestClosed();

    @Message("Live standings (the window so far)")
    String liveStandings();

    @Message("Final standings")
    String finalStandings();

    @Message("The top places and your own row; others' names {names}")
    String standingsAgentView(String names);

    @Message("Bar chart of the standings of contest {code}")
    String standingsChartLabel(String code);

    @Message("Participant")
    String participant();

    @Message("What each would earn if the window ended now")
    String awardsIfNow();

    @Message("Awards written at close")
    String awardsWritten();

    @Message("Close the contest")
    String closeContest();

    @Message("After its last day: computes the final standings and writes the points to the ledger and the badges, once.")
    String closeContestIntro();

    @Message("Close and award")
    String closeContestButton();

    @Message("the contests")
    String whatContests();

    @Message("contest {code}")
    String whatContest(String code);

    @Message("creating contest {code}")
    String whatCreatingContest(String code);

    @Message("closing contest {code}")
    String whatClosingContest(String code);

    @Message("Points and badges")
    String pointsTitle();

    @Message("My points and badges")
    String myPointsAndBadges();

    @Message("Points and badges of {employeeId}")
    String pointsOf(String employeeId);

    @Message("Points balance")
    String balance();

    @Message("Badges")
    String badgesLabel();

    @Message("Points are not money: a pay plan converts them only with an explicit points conversion.")
    String pointsNotMoney();

    @Message("No badge yet.")
    String noBadges();

    @Message("Points ledger (newest first)")
    String ledger();

    @Message("No points yet.")
    String noLedger();

    @Message("No points to show")
    String noPointsToShow();

    @Message("the points of {employeeId}")
    String whatPointsOf(String employeeId);

    @Message("the points ledger")
    String whatLedger();

    @Message("the badges")
    String whatBadges();

    @Message("Points and badges")
    String pointsAndBadges();

    @Message("Balance: {balance} points")
    String balanceIs(String balance);

    @Message("{count} badges")
    String badgeCount(int count);

    @Message("The points are not shown to this account.")
    String noPointsShown();

    @Message("Points ledger and badges")
    String pointsLedgerLink();

    @Message("Leaderboard of {period}")
    String leaderboardOfMonth(String period);

    @Message("Rate your peers ({template}, {unit}): the run is in review")
    String ratePeers(String template, String unit);

    // ---- defining metrics and plans (DefineViews) ----
    @Message("Add a metric to the catalog")
    String createMetric();

    @Message("Add the metric")
    String createMetricButton();

    @Message("Lower case letters, digits and _, starting with a letter; a code is never used again")
    String metricCodeHint();

    @Message("Derivation (JSON, optional)")
    String derivationJson();

    @Message("How the metric follows from the records, as the API takes it; leave empty for a metric that is pushed as figures only")
    String derivationHint();

    @Message("Create a plan, or the next version of one")
    String createPlanVersion();

    @Message("The plan's definition (JSON)")
    String planDefinitionJson();

    @Message("As createPlan takes it: code, name, currency, performancePayShare, gradeCoefficients and any sections; an existing code gets its next version")
    String planDefinitionHint();

    @Message("Store the plan")
    String createPlanButton();

    @Message("adding metric {code}")
    String whatCreatingMetric(String code);

    @Message("storing the plan")
    String whatCreatingPlan();

    @Message("{field}: is not valid JSON; nothing was sent")
    String notJson(String field);

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

    // ---- the console's own messages (refusals, unavailable services) ----
    @Message("Refused")
    String refused();

    @Message("The form did not come from this console's page (CSRF check); reload the page and try again.")
    String forged();

    @Message("Not allowed")
    String notAllowed();

    @Message("Not found")
    String notFound();

    @Message("Unavailable")
    String unavailable();

    @Message("These pages are for hr and admin.")
    String hrPagesOnly();

    @Message("{service} is unavailable: {what} cannot be shown.")
    String serviceUnavailable(String service, String what);

    @Message("You may not see {what}.")
    String mayNotSee(String what);

    @Message("There is no such thing, or you may not see {what}.")
    String noSuchOrNotYours(String what);

    @Message("The API refused {what}.")
    String apiRefused(String what);

    @Message("The service could not take {what}; try again later.")
    String couldNotTake(String what);

    @Message("Not done: {what}")
    String notDone(String what);

    @Message("Refused ({status}).")
    String refusedStatus(int status);

    @Message("Invalid page")
    String invalidPage();

    @Message("Invalid period")
    String invalidPeriod();

    @Message("period must be a month as YYYY-MM")
    String periodFormat();

    @Message("No such thing: {code}")
    String noSuchThing(String code);


    // ---- HR: shared labels ----
    @Message("Code")
    String code();

    @Message("Name")
    String name();

    @Message("Version")
    String version();

    @Message("Versions")
    String versions();

    @Message("Currency")
    String currency();

    @Message("Period")
    String period();

    @Message("in use")
    String inUse();

    @Message("retired")
    String retired();

    @Message("Only those in use")
    String inUseOnly();

    @Message("With the retired ones")
    String withRetired();

    @Message("retired {at} by {by}")
    String retiredOn(String at, String by);

    @Message("created {at} by {by}")
    String createdBy(String at, String by);

    @Message("Save")
    String save();

    @Message("Show")
    String show();

    @Message("Compute")
    String compute();

    @Message("Check")
    String check();

    @Message("yes")
    String yes();

    @Message("no")
    String no();


    // ---- metric catalog ----
    @Message("Catalog")
    String navCatalog();

    @Message("Metric catalog")
    String catalogTitle();

    @Message("The metrics PerfCenter knows, how each follows from the records, and which are retired (a retired metric keeps its history and past scorecards).")
    String catalogIntro();

    @Message("No metric in the catalog.")
    String noMetrics();

    @Message("Category")
    String category();

    @Message("Unit of measure")
    String metricUnit();

    @Message("Better when")
    String direction();

    @Message("Aggregation")
    String aggregation();

    @Message("Source")
    String source();

    @Message("Description")
    String description();

    @Message("Chinese name")
    String nameZh();

    @Message("English name")
    String nameEn();

    @Message("How it follows from the records")
    String derivation();

    @Message("Pushed as figures only (no derivation from records).")
    String pushedOnly();

    @Message("Retire this metric")
    String retireMetric();

    @Message("It leaves the catalog list; its values, aggregates and the scorecards that used it stay as they are, and its code is not used again.")
    String retireMetricNote();

    @Message("Retire")
    String retire();

    @Message("the metric catalog")
    String whatCatalog();

    @Message("metric {code}")
    String whatMetric(String code);

    @Message("retiring metric {code}")
    String whatRetiring(String code);


    // ---- incentive plans ----
    @Message("Plans")
    String navPlans();

    @Message("Incentive plans")
    String plansTitle();

    @Message("How pay follows from the scorecards: performance pay by grade, score bands, targets, commission, team reward, perks, honor prizes and what happens over budget. Each change is a new version; runs name the version they used.")
    String plansIntro();

    @Message("No incentive plan yet.")
    String noPlans();

    @Message("Performance pay share of salary")
    String performancePayShare();

    @Message("Coefficient per grade")
    String gradeCoefficients();

    @Message("Coefficient")
    String coefficient();

    @Message("Performance pay")
    String sectionPerformancePay();

    @Message("Score bands")
    String sectionScoreBands();

    @Message("Target bonus")
    String sectionTargets();

    @Message("Commission")
    String sectionCommission();

    @Message("Team reward")
    String sectionTeamReward();

    @Message("Perks")
    String sectionPerks();

    @Message("Honor prizes")
    String sectionHonorPrizes();

    @Message("Over budget")
    String sectionOverBudget();

    @Message("code is a plan code, version a number from 1")
    String planQuery();

    @Message("the incentive plans")
    String whatPlans();

    @Message("plan {code}")
    String whatPlan(String code);


    // ---- salaries ----
    @Message("Salaries")
    String navSalaries();

    @Message("Salaries")
    String salariesTitle();

    @Message("Monthly salaries, effective-dated: a salary applies from its day until the next one. Pay is hr's alone (admin may not see or set it).")
    String salariesIntro();

    @Message("Salaries are hr's alone: admin and everyone else may neither see nor set them.")
    String payIsHrs();

    @Message("unit is a unit code, q at most 64 characters")
    String salaryQuery();

    @Message("Name or employee id")
    String searchPeople();

    @Message("No one found.")
    String noPeopleFound();

    @Message("Monthly salary")
    String monthlySalary();

    @Message("Since")
    String since();

    @Message("History")
    String history();

    @Message("No salary on file")
    String noSalary();

    @Message("{count} salaries on file")
    String steps(int count);

    @Message("Set a salary")
    String setSalary();

    @Message("The salary applies from the day on; a later raise leaves earlier months as they were, the same day again replaces it.")
    String setSalaryNote();

    @Message("Effective from")
    String effectiveFrom();

    @Message("the units")
    String whatUnits();

    @Message("the people")
    String whatAgents();

    @Message("the salaries")
    String whatSalaries();

    @Message("the salary of {employeeId}")
    String whatSalary(String employeeId);


    // ---- budgets ----
    @Message("Budgets")
    String navBudgets();

    @Message("Budgets")
    String budgetsTitle();

    @Message("Each unit's budget for the month against its cost: the total of the unit's pay runs that stand (computed or approved; a superseded revision no longer counts).")
    String budgetsIntro();

    @Message("Cost against budget")
    String costVsBudget();

    @Message("Budget and cost per unit, {period}")
    String costVsBudgetLabel(String period);

    @Message("No budget and no pay run for {period}.")
    String noBudgets(String period);

    @Message("Budget")
    String budget();

    @Message("Cost")
    String cost();

    @Message("Left (negative: over)")
    String left();

    @Message("Pay runs")
    String payRuns();

    @Message("Set by")
    String setByLabel();

    @Message("Set a budget")
    String setBudget();

    @Message("the budgets")
    String whatBudgets();

    @Message("the budget of {unit}")
    String whatBudget(String unit);


    // ---- pay runs ----
    @Message("Pay runs")
    String navPayRuns();

    @Message("Pay runs")
    String payRunsTitle();

    @Message("No pay run for {period}.")
    String noPayRuns(String period);

    @Message("Run")
    String run();

    @Message("Plan")
    String plan();

    @Message("Revision")
    String revision();

    @Message("Statements")
    String statements();

    @Message("Flagged")
    String flagged();

    @Message("Computed")
    String computed();

    @Message("Approved")
    String approvedBy();

    @Message("Compute a pay run")
    String computePayRun();

    @Message("Applies the plan to the unit's published scorecards of the month; computing again with changed inputs (a salary, a budget, a scorecard) makes the next revision.")
    String computePayRunNote();

    @Message("Pay run #{id}")
    String payRunTitle(long id);

    @Message("All pay runs of {period}")
    String allPayRuns(String period);

    @Message("Team reward")
    String teamReward();

    @Message("Approve")
    String approve();

    @Message("Only hr approves pay runs.")
    String approveHrOnly();

    @Message("Payroll file")
    String payrollFile();

    @Message("The payroll file (CSV, XLSX) can be downloaded once the run is approved.")
    String payrollFileAfterApproval();

    @Message("No statement in this run.")
    String noStatements();

    @Message("Lines")
    String lines();

    @Message("Flags")
    String flags();

    @Message("Not paid in this run")
    String skipped();

    @Message("the pay runs")
    String whatPayRuns();

    @Message("the pay run")
    String whatPayRun();

    @Message("pay run {id}")
    String whatPayRunId(long id);

    @Message("approving pay run {id}")
    String whatApproving(long id);

    @Message("the payroll file of pay run {id}")
    String whatPayrollFile(long id);

    @Message("format is csv or xlsx")
    String exportFormat();

    @Message("The run is not approved yet: its payroll file is made once hr approves it.")
    String exportNotApproved();


    // ---- honors ----
    @Message("Honors")
    String navHonors();

    @Message("Honors")
    String honorsTitle();

    @Message("Award definitions")
    String awards();

    @Message("No award defined yet.")
    String noAwards();

    @Message("Cadence")
    String cadence();

    @Message("Ranked by")
    String rankBy();

    @Message("Eligibility")
    String eligibility();

    @Message("Excluded grades")
    String excludedGrades();

    @Message("Winners")
    String winners();

    @Message("Honors awarded, {period}")
    String honorsAwarded(String period);

    @Message("No honor awarded for {period}.")
    String noHonors(String period);

    @Message("Award")
    String award();

    @Message("Place")
    String place();

    @Message("Awarded")
    String awardedAt();

    @Message("Run the honors")
    String runHonors();

    @Message("Picks the winners of the period's awards among the unit's agents; running again with the same figures changes nothing.")
    String runHonorsNote();

    @Message("Awards (none ticked: every award of the period's cadence)")
    String awardsToRun();

    @Message("the award definitions")
    String whatAwards();

    @Message("the honors awarded")
    String whatHonors();

    @Message("the honors run")
    String whatHonorRun();


    // ---- promotion ladders ----
    @Message("Ladders")
    String navLadders();

    @Message("Promotion ladders")
    String laddersTitle();

    @Message("Each ladder's positions and the rules of each step; a check shows every agent of a unit, eligible or not, with what is missing.")
    String laddersIntro();

    @Message("No promotion ladder yet.")
    String noLadders();

    @Message("Check a unit")
    String checkLadder();

    @Message("Ladder")
    String ladder();

    @Message("As of (month)")
    String asOf();

    @Message("{ladder} for {unit} as of {asOf}")
    String checkResult(String ladder, String unit, String asOf);

    @Message("{eligible} of {agents} agents eligible")
    String eligibleOf(String eligible, String agents);

    @Message("Position")
    String position();

    @Message("Eligible")
    String eligible();

    @Message("What is missing")
    String whatIsMissing();

    @Message("the promotion ladders")
    String whatLadders();

    @Message("the ladder check")
    String whatLadderCheck();

    // ---- the center board ----
    @Message("Center board")
    String boardTitle();

    @Message("scores of {period} · today's month {from} – {to}")
    String boardPeriods(String period, String from, String to);

    @Message("Updated {at}; reloads every {seconds} s.")
    String boardUpdated(String at, int seconds);

    @Message("Month to date, per group")
    String boardMonthToDate();

    @Message("No figures yet this month.")
    String boardNoFigures();

    @Message("No group figures to show.")
    String boardNoGroups();

    @Message("Leaderboard, {period}")
    String boardLeaderboard(String period);

    @Message("Best totals of {period}")
    String boardBestTotals(String period);

    @Message("Honors of {period}")
    String boardHonors(String period);

    @Message("place {place}")
    String placeN(int place);

    // ---- hr's runs and template what-if ----
    @Message("Scoring runs")
    String runsTitle();

    @Message("No run for {period}.")
    String noRuns(String period);

    @Message("Newest period first, then unit; a revision follows the previous one when inputs changed")
    String runsCaption();

    @Message("Template")
    String template();

    @Message("Scorecards")
    String scorecards();

    @Message("Published")
    String published();

    @Message("Next step")
    String nextStep();

    @Message("Compute a run")
    String computeRun();

    @Message("Scores every agent of the unit with the template's latest version; computing again with the same inputs changes nothing, with changed inputs it makes the next revision.")
    String computeRunNote();

    @Message("Open the review of run {id}")
    String openReviewOf(long id);

    @Message("Open review")
    String openReview();

    @Message("Publish run {id}")
    String publishRun(long id);

    @Message("Publish")
    String publish();

    @Message("Lock run {id}")
    String lockRun(long id);

    @Message("Lock")
    String lock();

    @Message("Run #{id}")
    String runN(long id);

    @Message("All runs of {period}")
    String allRuns(String period);

    @Message("Changes against the previous revision")
    String changesTitle();

    @Message("No changes (the first revision, or the same results).")
    String noChanges();

    @Message("Change")
    String change();

    @Message("Items (points)")
    String itemsPoints();

    @Message("Template what-if")
    String whatIfTitle();

    @Message("Change the template (its weights here, or anything in the definition below), see how a past month would come out, nothing stored; then store it as the template's next version.")
    String whatIfIntro();

    @Message("Month")
    String month();

    @Message("Start from the stored template")
    String startFromStored();

    @Message("With the draft (version {version})")
    String withDraft(String version);

    @Message("not stored")
    String notStored();

    @Message("Average total")
    String averageTotal();

    @Message("Grades that would change:")
    String gradesWouldChange();

    @Message("compared with run #{id}")
    String comparedWith(Long id);

    @Message("Grade distribution")
    String gradeDistribution();

    @Message("Scorecards per grade, now and with the draft")
    String distributionLabel();

    @Message("Totals")
    String totals();

    @Message("Each agent's total, now and with the draft")
    String totalsLabel();

    @Message("Total now")
    String totalNow();

    @Message("With the draft")
    String withTheDraft();

    @Message("The draft")
    String theDraft();

    @Message("Weights (summing to the template's total, usually 100)")
    String weightsLegend();

    @Message("The whole definition (JSON, as the API takes it)")
    String wholeDefinition();

    @Message("Template definition")
    String templateDefinition();

    @Message("Preview")
    String preview();

    @Message("Store as the next version")
    String storeNextVersion();

    // ---- hr's runs and what-if: the pages' messages ----
    @Message("the scoring runs")
    String whatRuns();

    @Message("the templates")
    String whatTemplates();

    @Message("the run")
    String whatRun();

    @Message("run {id}")
    String whatRunId(long id);

    @Message("the run's history")
    String whatRunHistory();

    @Message("A run is reviewed, published or locked.")
    String runActionsOnly();

    @Message("opening the review")
    String whatOpeningReview();

    @Message("publishing the run")
    String whatPublishing();

    @Message("locking the run")
    String whatLocking();

    @Message("template is a template code, period a month as YYYY-MM")
    String whatIfQuery();

    @Message("No template")
    String noTemplateTitle();

    @Message("There is no scorecard template yet.")
    String noTemplateYet();

    @Message("template {code}")
    String whatTemplate(String code);

    @Message("the what-if")
    String whatWhatIf();

    @Message("the template's next version")
    String whatTemplateVersion();

    @Message("The month was never scored with this template: there is nothing to compare with.")
    String neverScored();

    @Message("The draft is not valid JSON: {error}")
    String draftNotJson(String error);

    @Message("The draft is a template as JSON, with its items.")
    String draftNotTemplate();

    @Message("weight of {item}: a number")
    String weightNotNumber(String item);

    @Message("now")
    String seriesNow();

    // ---- notes about parts of a page ----
    @Message("Not yours to see: {what}")
    String notYoursToSee(String what);

    @Message("Could not read {what}: {note}")
    String couldNotRead(String what, String note);

    // ---- chart series ----
    @Message("with the draft")
    String seriesWithDraft();

    // ---- reviews and appeals ----
    @Message("While hr has a run in review, agents write their self-assessment and their supervisor reviews each scorecard, with the notes of the one-on-one feedback talk.")
    String reviewsIntro();

    @Message("No run of {period} you may see.")
    String noRunYouMaySee(String period);

    @Message("revision {revision}")
    String revisionN(String revision);

    @Message("Self-assessment")
    String selfAssessmentLabel();

    @Message("No self-assessment yet.")
    String noSelfAssessment();

    @Message("Reviewed by {who}")
    String reviewedBy(String who);

    @Message("one-on-one")
    String oneOnOne();

    @Message("Comments on {employeeId}'s result")
    String commentsOn(String employeeId);

    @Message("One-on-one feedback notes and the agreed plan")
    String feedbackNotesLabel();

    @Message("Save the review of {employeeId}")
    String saveReviewOf(String employeeId);

    @Message("Appeal status")
    String appealStatus();

    @Message("All")
    String all();

    @Message("Open")
    String open();

    @Message("Accepted")
    String accepted();

    @Message("Rejected")
    String rejected();

    @Message("You decide the appeals marked \"yours to decide\": an appeals reviewer, hr or admin decides, never the agent's own supervisor or manager.")
    String appealsIntro();

    @Message("escalated to hr")
    String escalatedToHr();

    @Message("filed")
    String filed();

    @Message("Record")
    String record();

    @Message("Decided by {who}")
    String decidedBy(String who);

    @Message("Yours to decide")
    String yoursToDecide();

    @Message("Accept")
    String accept();

    @Message("Reject")
    String reject();

    @Message("Accepting: the item's new points")
    String newPoints();

    @Message("Or accepting: the day whose figure is wrong")
    String correctionDay();

    @Message("and its corrected figure")
    String correctionValue();

    @Message("Decide")
    String decide();

    @Message("No appeals you may see with status {status}.")
    String noAppealsWithStatus(String status);

    @Message("No appeals you may see.")
    String noAppeals();

    // ---- item, team, month and group pages ----
    @Message("Back to the month")
    String backToMonth();

    @Message("The figures behind it, day by day")
    String figuresByDay();

    @Message("Each day's {metric} as metrics-service computed it from that day's records (calls, surveys, evaluations …) and pushed values. The API does not give out the records themselves; name the day (and the record's id, if you know it) in an appeal.")
    String figuresByDayNote(String metric);

    @Message("No figures by day for {period}.")
    String noDays(String period);

    @Message("{metric} per day")
    String perDay(String metric);

    @Message("Day")
    String day();

    @Message("Records")
    String recordsHeading();

    @Message("Wrong?")
    String wrong();

    @Message("Appeal this day")
    String appealThisDay();

    @Message("Appeal a figure behind this item")
    String appealFigure();

    @Message("Which record or day is wrong")
    String whichRecordOrDay();

    @Message("e.g. {metric} of {period}-14, call CRM-88231")
    String dataPointExample(String metric, String period);

    @Message("Why")
    String why();

    @Message("{metric}, last 12 months")
    String metricTrendTitle(String metric);

    @Message("{metric} per month, 12 months up to {period}")
    String metricTrendLabel(String metric, String period);

    @Message("Groups compared")
    String groupsCompared();

    @Message("Best")
    String best();

    @Message("Grades")
    String grades();

    @Message("Average total per group")
    String averagePerGroup();

    @Message("Share of scorecards per grade")
    String gradeShare();

    @Message("Share of scorecards per grade, against the forced distribution")
    String gradeShareForced();

    @Message("The template grades by score bands; no forced distribution is configured.")
    String noForcedDistribution();

    @Message("Forced distribution")
    String forcedDistribution();

    @Message("Targets")
    String targets();

    @Message("No targets set for {period}.")
    String noTargets(String period);

    @Message("Metric")
    String metric();

    @Message("For")
    String targetFor();

    @Message("Target")
    String target();

    @Message("Review")
    String review();

    @Message("Supervisor's comments")
    String supervisorComments();

    @Message("One-on-one feedback notes")
    String feedbackNotes();

    @Message("No self-assessment or review.")
    String noReview();

    @Message("No self-assessment or review (they are written while the run is in review).")
    String noReviewNotInReview();

    @Message("My self-assessment of {period}")
    String mySelfAssessment(String period);

    @Message("Save my self-assessment")
    String saveSelfAssessment();

    @Message("Comments on the result")
    String commentsOnResult();

    @Message("Save the review")
    String saveReview();

    @Message("No honors yet.")
    String noHonorsYet();

    @Message("Promotion")
    String promotion();

    @Message("eligible")
    String eligibleState();

    @Message("not yet")
    String notYet();

    @Message("Missing")
    String missing();

    @Message("No agent's value of {period} moved far from their own recent months (metrics-service's anomaly detector).")
    String noAnomalies(String period);

    @Message("{count} agent(s) with values far from their own recent months (metrics-service's anomaly detector).")
    String anomaliesFound(int count);

    @Message("Month to date")
    String monthToDate();

    @Message("No unit's figures to show.")
    String noUnitFigures();

    // ---- the pages' messages (sign-in, month, reviews, appeals, items, team, board) ----
    @Message("Sign-in with a local demo person is only offered without an identity provider.")
    String localSignInOnly();

    @Message("Unknown person")
    String unknownPerson();

    @Message("Choose one of the people on the sign-in page.")
    String choosePerson();

    @Message("Sign-in expired")
    String signInExpired();

    @Message("The demo people's tokens have expired; restart the suite (./perfcenter) for new ones.")
    String tokensExpired();

    @Message("No identity provider is configured; choose a demo person.")
    String noProvider();

    @Message("Not signed in")
    String notSignedIn();

    @Message("The identity provider did not sign you in.")
    String providerDidNotSignIn();

    @Message("Not for PerfCenter")
    String notForPerfCenter();

    @Message("The identity provider's token is not meant for PerfCenter (its audience lacks {audiences}); the provider's console client needs the perfcenter-audience mapper.")
    String wrongAudience(String audiences);

    @Message("No month to show")
    String noMonthToShow();

    @Message("You are signed in without an employee id; the console's pages are for people.")
    String noEmployeeId();

    @Message("Invalid employee id")
    String invalidEmployeeId();

    @Message("You may not see the month of {employeeId}, or there is no such agent.")
    String monthNotYours(String employeeId);

    @Message("the person's details")
    String whatPerson();

    @Message("the scorecards")
    String whatScorecards();

    @Message("the pay statements")
    String whatPayStatements();

    @Message("the appeals")
    String whatAppeals();

    @Message("the appeal")
    String whatAppeal();

    @Message("Invalid status")
    String invalidStatus();

    @Message("status must be OPEN, ACCEPTED or REJECTED")
    String statusValues();

    @Message("the runs in review")
    String whatRunsInReview();

    @Message("the reviews")
    String whatReviews();

    @Message("the review")
    String whatReview();

    @Message("the decision")
    String whatDecision();

    @Message("points and the corrected figure are numbers.")
    String decisionNumbers();

    @Message("the self-assessment")
    String whatSelfAssessment();

    @Message("An item page names an employee id, an item code and a month (YYYY-MM).")
    String itemQuery();

    @Message("the month of {employeeId}")
    String whatMonthOf(String employeeId);

    @Message("No scorecard of {employeeId} for {period} that you may see.")
    String noScorecardOf(String employeeId, String period);

    @Message("The scorecard has no item {itemCode}.")
    String noSuchItem(String itemCode);

    @Message("the figures by day")
    String whatFiguresByDay();

    @Message("the 12-month trend")
    String whatTrend();

    @Message("the targets")
    String whatTargets();

    @Message("average total")
    String seriesAverageTotal();

    @Message("share of scorecards, %")
    String seriesGradeShare();

    @Message("forced distribution, %")
    String seriesForced();

    @Message("the groups")
    String whatGroups();

    @Message("total {period}")
    String seriesTotalOf(String period);

    @Message("No group's month-to-date figures are visible to this account.")
    String noGroupVisible();

    @Message("the anomaly flags of {unit}")
    String whatAnomalies(String unit);

    @Message("the month-to-date figures of {unit}")
    String whatMonthToDate(String unit);

    // ---- quality and coaching: coaching sessions, improvement plans, QA evaluations, calibration, mentoring ----
    @Message("Coaching & QA")
    String navQuality();

    @Message("Calibration")
    String navCalibrations();

    @Message("Mentoring")
    String navMentoring();

    @Message("Coaching, improvement plans and QA evaluations")
    String qualityLink();

    @Message("Coaching and QA of {employeeId}")
    String qualityTitle(String employeeId);

    @Message("My coaching and QA")
    String myQuality();

    @Message("Back to coaching and QA")
    String backToQuality();

    @Message("Coaching sessions")
    String coachingSessions();

    @Message("No coaching session yet.")
    String noCoachingSessions();

    @Message("Session {id}")
    String sessionN(long id);

    @Message("Period")
    String periodLabel();

    @Message("Coach")
    String coach();

    @Message("Opened")
    String openedAt();

    @Message("Closed")
    String closedAt();

    @Message("Acknowledgements")
    String acknowledgements();

    @Message("Agent")
    String agentLabel();

    @Message("Items on the agenda (weakest first)")
    String agendaSize();

    @Message("Open a coaching session")
    String openCoachingSession();

    @Message("A coaching session is opened on a published scorecard; {period} has none yet.")
    String noPublishedScorecard(String period);

    @Message("Coaching session with {employeeId}")
    String coachingSessionOf(String employeeId);

    @Message("Agenda")
    String agenda();

    @Message("attainment")
    String attainment();

    @Message("Notes and agreed actions")
    String notesAndActions();

    @Message("Notes of the session")
    String coachingNotes();

    @Message("Saving the notes clears the acknowledgements given so far: both parties acknowledge what is written.")
    String notesClearAcknowledgements();

    @Message("Action {index}")
    String actionN(int index);

    @Message("What is to be done")
    String actionText();

    @Message("Who does it (employee id)")
    String actionOwner();

    @Message("Due date")
    String dueDate();

    @Message("Save notes and actions")
    String saveNotes();

    @Message("The coach has not written notes yet.")
    String noNotesYet();

    @Message("Written {at}")
    String writtenAt(String at);

    @Message("acknowledged {at}")
    String acknowledgedAt(String at);

    @Message("not acknowledged yet")
    String notYetAcknowledged();

    @Message("The session closes, read-only, once the agent and the coach have both acknowledged the notes.")
    String closesWhenBoth();

    @Message("Closed: both parties acknowledged; the session is read-only.")
    String sessionClosed();

    @Message("Comment (optional)")
    String commentOptional();

    @Message("Acknowledge")
    String acknowledge();

    @Message("Acknowledge as coach")
    String acknowledgeAndCloseAsCoach();

    @Message("Improvement plans")
    String improvementPlans();

    @Message("No improvement plan.")
    String noImprovementPlans();

    @Message("Plan {id}")
    String planN(long id);

    @Message("{start} to {due}")
    String planWindow(String start, String due);

    @Message("at most")
    String atMost();

    @Message("at least")
    String atLeast();

    @Message("in {count} consecutive ISO weeks")
    String consecutiveWeeks(int count);

    @Message("in {count} consecutive months")
    String consecutiveMonths(int count);

    @Message("met")
    String goalMet();

    @Message("not met yet")
    String goalNotYet();

    @Message("The goal's metric week by week or month by month")
    String windowsCaption();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Records")
    String recordsCountLabel();

    @Message("Holds")
    String holds();

    @Message("Evaluated {at}")
    String lastEvaluation(String at);

    @Message("Not evaluated yet.")
    String notEvaluatedYet();

    @Message("Check-ins")
    String checkIns();

    @Message("No check-in yet.")
    String noCheckIns();

    @Message("Consequence")
    String consequences();

    @Message("extended to")
    String extendedTo();

    @Message("The plan was missed: its coach records what follows, with the reason.")
    String consequenceDue();

    @Message("Check-in note")
    String checkInNote();

    @Message("Add check-in")
    String addCheckIn();

    @Message("Evaluate from the figures now")
    String evaluateNow();

    @Message("What follows")
    String consequenceKind();

    @Message("Retraining")
    String kindRetraining();

    @Message("Reassignment")
    String kindReassignment();

    @Message("Plan extended")
    String kindExtended();

    @Message("Nothing")
    String kindNone();

    @Message("New due date (extension only)")
    String extendedToOptional();

    @Message("Record the consequence")
    String recordConsequence();

    @Message("New improvement plan")
    String newImprovementPlan();

    @Message("Unit")
    String unitLabel();

    @Message("Start date")
    String startDate();

    @Message("Goal")
    String goal();

    @Message("Metric (code)")
    String metricCodeLabel();

    @Message("Comparison")
    String comparison();

    @Message("Measured in")
    String windowKind();

    @Message("ISO weeks")
    String weeks();

    @Message("Calendar months")
    String monthsWindow();

    @Message("How many in a row must hold")
    String consecutive();

    @Message("Why (optional)")
    String planReason();

    @Message("Create plan")
    String createPlan();

    @Message("QA evaluations of {period}")
    String qaEvaluations(String period);

    @Message("No QA evaluation in {period}.")
    String noQaEvaluations(String period);

    @Message("Score")
    String score();

    @Message("Evaluator")
    String evaluator();

    @Message("Critical item")
    String criticalItem();

    @Message("Disputed by appeal {appealId}")
    String disputedBy(String appealId);

    @Message("Dispute this evaluation")
    String disputeEvaluation();

    @Message("The scorecard item it counts in")
    String itemThatCountsIt();

    @Message("File the dispute (an appeal)")
    String fileDispute();

    @Message("QA calibration sessions")
    String calibrationsTitle();

    @Message("Open")
    String openLabel();

    @Message("Closed")
    String closedStateLabel();

    @Message("No calibration session.")
    String noCalibrations();

    @Message("Interaction")
    String interaction();

    @Message("Form")
    String form();

    @Message("Evaluators")
    String evaluators();

    @Message("Still to answer")
    String pendingLabel();

    @Message("your answers are awaited")
    String yourTurn();

    @Message("Calibration session {id}")
    String calibrationN(long id);

    @Message("Owner")
    String owner();

    @Message("Your answers")
    String yourAnswers();

    @Message("Change your answers")
    String changeYourAnswers();

    @Message("Blind calibration: the others' answers and the spread are shown once you have submitted yours.")
    String blindUntilAnswered();

    @Message("– choose –")
    String chooseAnswer();

    @Message("Submit answers")
    String submitAnswers();

    @Message("Results")
    String calibrationResults();

    @Message("No evaluator has answered yet.")
    String noAnswersYet();

    @Message("Mean score")
    String meanScore();

    @Message("Variance of the scores")
    String scoreVariance();

    @Message("Reference score")
    String referenceScore();

    @Message("Per evaluator: score and deviation")
    String perEvaluator();

    @Message("Deviation from the mean")
    String deviationFromMean();

    @Message("Deviation from the reference")
    String deviationFromReference();

    @Message("{count} items off")
    String itemsOff(String count);

    @Message("Submitted")
    String submittedAt();

    @Message("Per item: answers, mean and variance of the points")
    String perItem();

    @Message("Mean points")
    String meanPoints();

    @Message("Variance")
    String variancePoints();

    @Message("Reference")
    String referenceLabel();

    @Message("Close the session (answers are frozen)")
    String closeCalibration();

    @Message("Calibration sessions are for QA specialists, hr and admin.")
    String calibratorsOnly();

    @Message("Mentoring")
    String mentoringTitle();

    @Message("All units")
    String allUnits();

    @Message("No mentorship.")
    String noMentorships();

    @Message("Mentor")
    String mentor();

    @Message("Mentee")
    String mentee();

    @Message("Window")
    String windowLabel();

    @Message("Criterion")
    String criterion();

    @Message("Result")
    String resultLabel();

    @Message("passed")
    String passedLabel();

    @Message("failed")
    String failedLabel();

    @Message("End")
    String endMentorship();

    @Message("Last day judged (default: the window's end)")
    String endedOnOptional();

    @Message("Withdrawn (no verdict; note required)")
    String withdrawn();

    @Message("Note")
    String noteLabel();

    @Message("Start a mentorship")
    String startMentorship();

    @Message("Last day")
    String lastDay();

    @Message("hr starts and ends mentorships; leaders see their units' mentors' mentees and results here.")
    String mentoringHrManages();

    @Message("This page is for supervisors, managers, hr and admin.")
    String leadersOnly();

    @Message("{employeeId} is not an agent you may see, or is unknown.")
    String qualityNotYours(String employeeId);

    @Message("the coaching session")
    String whatCoachingSession();

    @Message("the coaching sessions")
    String whatCoachingSessions();

    @Message("the notes")
    String whatCoachingNotes();

    @Message("the acknowledgement")
    String whatAcknowledgement();

    @Message("the improvement plan")
    String whatImprovementPlan();

    @Message("the improvement plans")
    String whatImprovementPlans();

    @Message("the check-in")
    String whatCheckIn();

    @Message("the evaluation")
    String whatEvaluation();

    @Message("the consequence")
    String whatConsequence();

    @Message("the QA evaluations")
    String whatQaEvaluations();

    @Message("the calibration session")
    String whatCalibration();

    @Message("the calibration sessions")
    String whatCalibrations();

    @Message("your answers")
    String whatCalibrationAnswers();

    @Message("the QA form")
    String whatQaForm();

    @Message("the mentorship")
    String whatMentorship();

    @Message("the mentorships")
    String whatMentorships();

    // ---- the records, rating and escalation forms (item, reviews and appeals pages) ----

    @Message("Each day's {metric} as metrics-service computed it, and under it the records it counted (calls, surveys, evaluations, incidents … and pushed values), the latest revision of each, by the center's day. Point at a wrong one with \"Appeal this record\".")
    String dailyRecordsIntro(String metric);

    @Message("Each day's figure as metrics-service computed it, and under it the records it counted (calls, surveys, evaluations, incidents … and pushed values), the latest revision of each, by the center's day. Point at a wrong one with \"Appeal this record\".")
    String dailyRecordsIntroPlain();

    @Message("revision {revision}")
    String recordRevision(int revision);

    @Message("counted in {parts}")
    String countedInParts(String parts);

    @Message("the numerator")
    String partNumerator();

    @Message("the denominator")
    String partDenominator();

    @Message("the subtracted part")
    String partSubtracted();

    @Message("the figure as a pushed value")
    String partPushedValue();

    @Message("the {part}")
    String partOther(String part);

    @Message("Appeal this record")
    String appealThisRecord();

    @Message("Your peers in this run: rate them on the items the template asks peers to rate. Your ratings are anonymous to them.")
    String peerRatingNote();

    @Message("Peer rating of {item} for {employee} ({min}–{max})")
    String peerRatingLegend(String item, String employee, String min, String max);

    @Message("Supervisor rating of {item} for {employee} ({min}–{max})")
    String supervisorRatingLegend(String item, String employee, String min, String max);

    @Message("Comment")
    String ratingCommentLabel();

    @Message("Rate {item} of {employee}")
    String rateItemOf(String item, String employee);

    @Message("Hand it to hr instead of deciding it: why")
    String escalateInsteadOfDeciding();

    @Message("Not satisfied with the rejection? Escalate it to hr: why")
    String escalateAfterRejection();

    @Message("Escalate to hr")
    String escalateToHrButton();

    @Message("Your peer rating of {item} is stored (anonymous to {employee}); rate again to change it.")
    String peerRatingStored(String item, String employee);

    @Message("{role} rating of {item} by {rater}: {scores}")
    String ratingLineBy(String role, String item, String rater, String scores);

    @Message("{role} rating of {item}: {scores}")
    String ratingLine(String role, String item, String scores);

    @Message("supervisor")
    String raterSupervisor();

    @Message("peer")
    String raterPeer();

    @Message("Overall")
    String dimensionOverall();

    @Message("your scorecards")
    String whatYourScorecards();

    @Message("your peers' scorecards")
    String whatPeersScorecards();

    @Message("the template's rating items")
    String whatRatingItems();

    @Message("the ratings given")
    String whatRatingsGiven();

    @Message("You are not scored in run {run} of {month}.")
    String notScoredInRun(String run, String month);

    @Message("the records")
    String whatRecords();

    @Message("The first {count} records of the month are shown; ask the API for the rest (GET /api/v1/metrics/records, paged).")
    String firstRecordsShown(int count);

    @Message("the rating")
    String whatRating();

    @Message("the escalation")
    String whatEscalation();

    @Message("Each dimension's score is a number ({dimension}).")
    String scoreIsANumber(String dimension);

    @Message("your notifications")
    String whatNotifications();

    @Message("marking the notification read")
    String whatMarkingRead();

    @Message("Notifications are kept for people (a token with an employee id).")
    String notificationsForPeople();

    // ---- QA forms, sampling plans, opening calibration sessions ----

    @Message("QA forms")
    String qaFormNav();

    @Message("Sampling")
    String samplingNav();

    @Message("QA forms and sampling plans are for QA specialists, hr and admin.")
    String qaFormPagesOnly();

    @Message("the QA forms")
    String qaFormWhatForms();

    @Message("the QA form {code}")
    String qaFormWhatForm(String code);

    @Message("QA forms")
    String qaFormsTitle();

    @Message("The latest version of every form. Every version stays readable, as do the evaluations it scored; a version's page defines the next one.")
    String qaFormsIntro();

    @Message("No QA form.")
    String qaFormNoForms();

    @Message("Versions")
    String qaFormVersions();

    @Message("Items")
    String qaFormItems();

    @Message("Defined")
    String qaFormDefined();

    @Message("New QA form")
    String qaFormNew();

    @Message("Define the next version")
    String qaFormNextVersion();

    @Message("The rows start from this version's items: change them, add rows, or blank a row's item code and name to leave it out. The code stays.")
    String qaFormNextVersionHint();

    @Message("One row per item. A row without a section code is in the section above it; a row without item code and name is left out. The scale top and pass mark are for scale answers (pass mark: default the top). Critical: failing the item sets the score to 0, or caps it at the cap.")
    String qaFormRowsHint();

    @Message("Section code")
    String qaFormSectionCode();

    @Message("Section name")
    String qaFormSectionName();

    @Message("Item code")
    String qaFormItemCode();

    @Message("Item name")
    String qaFormItemName();

    @Message("Answer")
    String qaFormAnswer();

    @Message("Scale top")
    String qaFormScaleMax();

    @Message("Pass mark")
    String qaFormPassMark();

    @Message("N/A allowed")
    String qaFormNotApplicable();

    @Message("Critical")
    String qaFormCritical();

    @Message("Cap at")
    String qaFormCapAt();

    @Message("not critical")
    String qaFormNotCritical();

    @Message("scale 0 to top")
    String qaFormScaleOption();

    @Message("yes / no")
    String qaFormYesNoOption();

    @Message("score 0")
    String qaFormZeroOption();

    @Message("cap the score")
    String qaFormCapOption();

    @Message("Define the form")
    String qaFormDefine();

    @Message("version {version}")
    String qaFormVersionN(int version);

    @Message("latest")
    String qaFormLatest();

    @Message("QA sampling plans")
    String samplingTitle();

    @Message("Calls drawn for QA evaluation in a unit and period, reproducibly from the seed, and spread over the QA specialists named; agents and their leaders are not told beforehand.")
    String samplingIntro();

    @Message("All sampling plans")
    String samplingAllPlans();

    @Message("No sampling plan.")
    String samplingNoPlans();

    @Message("the sampling plans")
    String samplingWhatPlans();

    @Message("the sampling plan")
    String samplingWhatPlan();

    @Message("the top-up")
    String samplingWhatTopUp();

    @Message("Sampling plan {id}")
    String samplingPlanN(long id);

    @Message("Draw a sampling plan")
    String samplingNew();

    @Message("A month, quarter, week, year or day, e.g. 2026-10")
    String samplingPeriodHint();

    @Message("Share of agents (above 0, at most 1)")
    String samplingAgentShare();

    @Message("Calls per agent")
    String samplingPerAgent();

    @Message("Employee ids of the QA specialists, separated by commas")
    String samplingEvaluatorsHint();

    @Message("QA form (optional)")
    String samplingFormOptional();

    @Message("Form version (blank: the latest)")
    String samplingFormVersion();

    @Message("Seed (blank: drawn and recorded)")
    String samplingSeedOptional();

    @Message("Seed")
    String samplingSeed();

    @Message("Draw the plan")
    String samplingDraw();

    @Message("Top up with late calls")
    String samplingTopUp();

    @Message("For each sampled agent still short, draws from their calls ingested since; the calls drawn so far stay.")
    String samplingTopUpHint();

    @Message("Agents sampled")
    String samplingAgents();

    @Message("Planned")
    String samplingPlanned();

    @Message("Done")
    String samplingDone();

    @Message("Progress by evaluator")
    String samplingProgress();

    @Message("Drawn calls")
    String samplingAssignments();

    @Message("No call was drawn.")
    String samplingNoCalls();

    @Message("Call")
    String samplingCall();

    @Message("Date")
    String samplingDate();

    @Message("Evaluated")
    String samplingEvaluated();

    @Message("Round")
    String samplingRound();

    @Message("Top-up rounds")
    String samplingRounds();

    @Message("No top-up has added calls yet.")
    String samplingNoRounds();

    @Message("Drawn")
    String samplingDrawnAt();

    @Message("Drawn by")
    String samplingDrawnBy();

    @Message("Agents short")
    String samplingAgentsShort();

    @Message("Calls added")
    String samplingAdded();

    @Message("Checklist")
    String samplingChecklist();

    @Message("Open a calibration session")
    String calibNew();

    @Message("The externalId of one of the agent's ingested calls")
    String calibInteractionHint();

    @Message("Form version")
    String calibFormVersion();

    @Message("2 to 20 QA specialists' employee ids, separated by commas; not the agent")
    String calibEvaluatorsHint();

    @Message("Open the session")
    String calibOpen();

    // ---- the API's codes in words (CodeLabels: code + the code in camel case, field + a record field's name) ----
    // statuses of runs and scorecards
    @Message("computed")
    String codeComputed();

    @Message("in review")
    String codeInReview();

    @Message("published")
    String codePublished();

    @Message("locked")
    String codeLocked();

    @Message("superseded")
    String codeSuperseded();

    // statuses of appeals, coaching sessions, calibrations, contests, disputes
    @Message("open")
    String codeOpen();

    @Message("open")
    String codeOpenInAppeal();

    @Message("accepted")
    String codeAccepted();

    @Message("rejected")
    String codeRejected();

    @Message("closed")
    String codeClosed();

    @Message("withdrawn")
    String codeWithdrawn();

    // pay runs
    @Message("approved")
    String codeApproved();

    // appeal kinds
    @Message("score")
    String codeScore();

    @Message("data point")
    String codeDataPoint();

    // improvement plans and their consequences
    @Message("in progress")
    String codeInProgress();

    @Message("met")
    String codeMet();

    @Message("missed")
    String codeMissed();

    @Message("retraining")
    String codeRetraining();

    @Message("reassignment")
    String codeReassignment();

    @Message("extended")
    String codeExtended();

    @Message("none")
    String codeNone();

    // mentorships
    @Message("running")
    String codeRunning();

    @Message("due")
    String codeDue();

    @Message("passed")
    String codePassed();

    @Message("failed")
    String codeFailed();

    // QA evaluations as the agent answered them
    @Message("pending")
    String codePending();

    @Message("acknowledged")
    String codeAcknowledged();

    @Message("disputed")
    String codeDisputed();

    // how a scorecard item was scored
    @Message("scored")
    String codeScored();

    @Message("zero points")
    String codeZero();

    @Message("neutral points")
    String codeNeutral();

    @Message("left out of the total")
    String codeExcluded();

    @Message("adjusted")
    String codeAdjusted();

    // a run's history
    @Message("computed")
    String codeRunComputed();

    @Message("review opened")
    String codeReviewOpened();

    @Message("published")
    String codeRunPublished();

    @Message("locked")
    String codeRunLocked();

    @Message("superseded")
    String codeRunSuperseded();

    @Message("scorecard adjusted")
    String codeScorecardAdjusted();

    @Message("scorecard recomputed")
    String codeScorecardRecomputed();

    @Message("self-assessed")
    String codeSelfAssessed();

    @Message("reviewed")
    String codeReviewed();

    @Message("rated")
    String codeRated();

    @Message("appeal filed")
    String codeAppealFiled();

    @Message("appeal accepted")
    String codeAppealAccepted();

    @Message("appeal rejected")
    String codeAppealRejected();

    @Message("appeal escalated")
    String codeAppealEscalated();

    @Message("coaching opened")
    String codeCoachingOpened();

    @Message("coaching notes")
    String codeCoachingNotes();

    @Message("coaching acknowledged")
    String codeCoachingAcknowledged();

    @Message("coaching closed")
    String codeCoachingClosed();

    // what changed for an agent against the previous revision
    @Message("added")
    String codeAdded();

    @Message("removed")
    String codeRemoved();

    @Message("changed")
    String codeChanged();

    @Message("rank moved")
    String codeRank();

    // records' kinds
    @Message("calls")
    String codeCalls();

    @Message("tickets")
    String codeTickets();

    @Message("surveys")
    String codeSurveys();

    @Message("QA evaluations")
    String codeQaEvaluations();

    @Message("QA items")
    String codeQaItems();

    @Message("mentorships")
    String codeMentorships();

    @Message("adherence")
    String codeAdherence();

    @Message("incidents")
    String codeIncidents();

    @Message("sales")
    String codeSales();

    @Message("values")
    String codeValues();

    // records' choices
    @Message("inbound")
    String codeInbound();

    @Message("outbound")
    String codeOutbound();

    @Message("phone")
    String codePhone();

    @Message("chat")
    String codeChat();

    @Message("email")
    String codeEmail();

    @Message("video")
    String codeVideo();

    @Message("social")
    String codeSocial();

    @Message("other")
    String codeOther();

    // payout lines' kinds
    @Message("commission")
    String codeCommission();

    @Message("honor")
    String codeHonor();

    @Message("performance pay")
    String codePerformancePay();

    @Message("perk")
    String codePerk();

    @Message("points")
    String codePoints();

    @Message("team share")
    String codeTeamShare();

    @Message("error")
    String codeError();

    @Message("rule violation")
    String codeRuleViolation();

    @Message("commendation")
    String codeCommendation();

    @Message("complaint")
    String codeComplaint();

    // records' fields
    @Message("activity date")
    String fieldActivityDate();

    @Message("started at")
    String fieldStartedAt();

    @Message("talk seconds")
    String fieldTalkSeconds();

    @Message("hold seconds")
    String fieldHoldSeconds();

    @Message("wrap-up seconds")
    String fieldWrapSeconds();

    @Message("direction")
    String fieldDirection();

    @Message("channel")
    String fieldChannel();

    @Message("resolved at first contact")
    String fieldResolvedFirstContact();

    @Message("transferred")
    String fieldTransferred();

    @Message("repeat contact")
    String fieldRepeatContact();

    @Message("opened at")
    String fieldOpenedAt();

    @Message("closed at")
    String fieldClosedAt();

    @Message("first response minutes")
    String fieldFirstResponseMinutes();

    @Message("escalated")
    String fieldEscalated();

    @Message("category")
    String fieldCategory();

    @Message("handling hours")
    String fieldHandlingHours();

    @Message("closed within 3 days")
    String fieldClosedWithin3Days();

    @Message("answered at")
    String fieldAnsweredAt();

    @Message("CSAT")
    String fieldCsat();

    @Message("NPS")
    String fieldNps();

    @Message("solicited")
    String fieldSolicited();

    @Message("score")
    String fieldScore();

    @Message("evaluator")
    String fieldEvaluatorId();

    @Message("contact id")
    String fieldContactExternalId();

    @Message("QA form")
    String fieldFormCode();

    @Message("form version")
    String fieldFormVersion();

    @Message("critical item")
    String fieldCriticalItem();

    @Message("critical")
    String fieldCritical();

    @Message("evaluated on")
    String fieldEvaluatedOn();

    @Message("item")
    String fieldItemCode();

    @Message("points")
    String fieldPoints();

    @Message("maximum points")
    String fieldMaxPoints();

    @Message("not applicable")
    String fieldNotApplicable();

    @Message("passed")
    String fieldPassed();

    @Message("weight")
    String fieldWeight();

    @Message("section")
    String fieldSectionCode();

    @Message("mentee")
    String fieldMenteeId();

    @Message("ended on")
    String fieldEndedOn();

    @Message("date")
    String fieldDate();

    @Message("scheduled minutes")
    String fieldScheduledMinutes();

    @Message("adherent minutes")
    String fieldAdherentMinutes();

    @Message("logged-in minutes")
    String fieldLoggedInMinutes();

    @Message("absent")
    String fieldAbsent();

    @Message("occurred at")
    String fieldOccurredAt();

    @Message("kind")
    String fieldKind();

    @Message("note")
    String fieldNote();

    @Message("amount")
    String fieldAmount();

    @Message("currency")
    String fieldCurrency();

    @Message("sold at")
    String fieldSoldAt();

    @Message("metric")
    String fieldMetricCode();

    @Message("value")
    String fieldValue();

    @Message("handling minutes")
    String fieldHandlingMinutes();

    @Message("withdrawn")
    String fieldWithdrawn();

    @Message("revision")
    String fieldRevision();
    // ---- hr's definition forms: awards and ladders (career…), a plan's next version field by field (planForm…) ----
    @Message("Actions")
    String careerActions();

    @Message("Add a row")
    String careerAddRow();

    @Message("At least")
    String careerAtLeast();

    @Message("At most")
    String careerAtMost();

    @Message("Separated by commas")
    String careerCommaHint();

    @Message("(default)")
    String careerDefault();

    @Message("Define an award")
    String careerDefineAward();

    @Message("Every field createAward takes; an existing code gets its next version. \"New version\" in the table fills this form with the award as it stands.")
    String careerDefineAwardNote();

    @Message("Define a ladder")
    String careerDefineLadder();

    @Message("Positions lowest first; each rule belongs to the step from the position it names to the next one. An existing code gets its next version.")
    String careerDefineLadderNote();

    @Message("higher is better")
    String careerHigherBetter();

    @Message("lower is better")
    String careerLowerBetter();

    @Message("Measure (score, rank or a metric code)")
    String careerMeasure();

    @Message("Fewest samples")
    String careerMinSamples();

    @Message("eligible without it")
    String careerMissingEligible();

    @Message("not eligible without it")
    String careerMissingIneligible();

    @Message("monthly")
    String careerMonthly();

    @Message("Name in English")
    String careerNameEn();

    @Message("Name in Chinese")
    String careerNameZh();

    @Message("Define another award instead")
    String careerNewAwardInstead();

    @Message("Define another ladder instead")
    String careerNewLadderInstead();

    @Message("New version")
    String careerNewVersion();

    @Message("Next version of the award {code}")
    String careerNextAwardVersion(String code);

    @Message("Next version of the ladder {code}")
    String careerNextLadderVersion(String code);

    @Message("Passes without data")
    String careerPassWhenMissing();

    @Message("Positions (lowest first)")
    String careerPositions();

    @Message("quarterly")
    String careerQuarterly();

    @Message("Ranked by (score, rank or a metric code)")
    String careerRankMeasure();

    @Message("Retire")
    String careerRetire();

    @Message("consecutive grades")
    String careerRuleConsecutiveGrades();

    @Message("Step from (position)")
    String careerRuleFrom();

    @Message("ruleFrom: {from} is no position the ladder steps up from (any position but the last); nothing was sent")
    String careerRuleFromUnknown(String from);

    @Message("Grades")
    String careerRuleGrades();

    @Message("Label")
    String careerRuleLabel();

    @Message("Metric")
    String careerRuleMeasure();

    @Message("metric")
    String careerRuleMetric();

    @Message("Months since hire")
    String careerRuleMonths();

    @Message("Months looked back")
    String careerRulePeriods();

    @Message("tenure")
    String careerRuleTenure();

    @Message("Rule")
    String careerRuleType();

    @Message("Save the award")
    String careerSaveAward();

    @Message("Save the ladder")
    String careerSaveLadder();

    @Message("Rules of the steps")
    String careerStepRules();

    @Message("consecutive grades: months looked back and grades; tenure: months since hire; metric: metric, months looked back, at least and/or at most.")
    String careerStepRulesNote();

    @Message("Tie-breakers")
    String careerTieBreakers();

    @Message("the award {code}")
    String careerWhatDefiningAward(String code);

    @Message("the ladder {code}")
    String careerWhatDefiningLadder(String code);

    @Message("retiring the award {code}")
    String careerWhatRetiringAward(String code);

    @Message("Without the figure")
    String careerWhenMissing();

    @Message("advanced, as JSON")
    String planFormAdvanced();

    @Message("Basic bonus")
    String planFormBasicAmount();

    @Message("Basic target")
    String planFormBasicThreshold();

    @Message("Brackets (ascending; the last without \"up to\")")
    String planFormBrackets();

    @Message("Most a month pays")
    String planFormCap();

    @Message("Challenge bonus")
    String planFormChallengeAmount();

    @Message("Challenge target")
    String planFormChallengeThreshold();

    @Message("What it counts")
    String planFormCounts();

    @Message("Hours metric (for by hours)")
    String planFormHoursMeasure();

    @Message("Add the team fund to the pool")
    String planFormIncludeFund();

    @Message("Conditions")
    String planFormMatch();

    @Message("all must hold")
    String planFormMatchAll();

    @Message("any suffices")
    String planFormMatchAny();

    @Message("Mode")
    String planFormMode();

    @Message("progressive: each bracket at its own rate")
    String planFormModeProgressive();

    @Message("whole: all sales at the rate reached")
    String planFormModeWhole();

    @Message("A new plan, field by field")
    String planFormNewPlan();

    @Message("Next version of {code} (from v{version}), field by field")
    String planFormNextVersion(String code, int version);

    @Message("(none)")
    String planFormNoPolicy();

    @Message("Pre-filled from the version shown; empty a section's fields to leave it out. Saving adds the plan's next version (a new code: a new plan).")
    String planFormNote();

    @Message("Points conversion")
    String planFormPoints();

    @Message("Policy")
    String planFormPolicy();

    @Message("flag only")
    String planFormPolicyFlag();

    @Message("scale down to fit")
    String planFormPolicyScale();

    @Message("Pool")
    String planFormPool();

    @Message("Weight per position")
    String planFormPositionWeights();

    @Message("Prize")
    String planFormPrize();

    @Message("Quantity")
    String planFormQuantity();

    @Message("Range, e.g. (95,100]")
    String planFormRange();

    @Message("Rank at most")
    String planFormRankAtMost();

    @Message("Rate (0.01 is 1%)")
    String planFormRate();

    @Message("Money per point")
    String planFormRatePerPoint();

    @Message("Save the next version")
    String planFormSave();

    @Message("Kinds scaled (all paid kinds when empty)")
    String planFormScaledKinds();

    @Message("Score at least")
    String planFormScoreAtLeast();

    @Message("Split")
    String planFormSplit();

    @Message("equally")
    String planFormSplitEqual();

    @Message("by hours")
    String planFormSplitHours();

    @Message("by score")
    String planFormSplitScore();

    @Message("Target")
    String planFormTarget();

    @Message("Team fund")
    String planFormTeamFund();

    @Message("Up to")
    String planFormUpTo();

    @Message("Weight")
    String planFormWeight();
}
