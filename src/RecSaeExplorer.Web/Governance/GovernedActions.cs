using Microsoft.Extensions.Options;
using RecSaeExplorer.Engine.Accounts;
using RecSaeExplorer.Engine.Experiments;
using RecSaeExplorer.Engine.Governance;
using RecSaeExplorer.Web.Concepts;
using RecSaeExplorer.Web.Jobs;
using RecSaeExplorer.Web.Runs;
using RecSaeExplorer.Web.Security;

namespace RecSaeExplorer.Web.Governance;

/// <summary>
/// Every state change a page can make, checked on the server against the permission matrix for the
/// circuit's signed-in identity, capped, and audited. Pages call these instead of the engine services,
/// so a hidden button is a convenience, not the protection: a forged call from the circuit lands here too.
/// Dependencies are resolved per call so pages that only read need none of them registered.
/// </summary>
public sealed class GovernedActions(CurrentActor current, IServiceProvider services, IOptionsMonitor<SecurityOptions> options)
{
    public Task<Actor> ActorAsync() => current.GetAsync();

    public async Task<bool> CanAsync(Permission permission) => (await current.GetAsync()).Can(permission);

    /// <summary>Whether the acting person may cancel this job: admins any, analysts their own, nobody a finished one.</summary>
    public static bool CanCancel(Actor actor, TrainingJob job) => !job.IsFinished
        && (actor.Can(Permission.CancelAnyJob) || actor.Can(Permission.CancelOwnJob) && actor.IsAuthenticated && job.Request.Owner == actor.Name);

    public async Task<IReadOnlyList<TrainingJob>> QueueAsync(IReadOnlyList<TrainingRequest> requests)
    {
        var actor = await Require(Permission.Train, "queue trainings");
        var limits = options.CurrentValue;
        if (requests.Count > limits.MaxSweepSize)
            throw new ForbiddenActionException($"A sweep may hold at most {limits.MaxSweepSize} SAEs; this one has {requests.Count}.");
        var queue = Get<TrainingQueue>();
        var pending = queue.Jobs.Where(j => !j.IsFinished).ToList();
        int mine = pending.Count(j => j.Request.Owner == actor.Name);
        if (mine + requests.Count > limits.MaxQueuedJobsPerUser)
            throw new ForbiddenActionException($"You have {mine} jobs queued or running; the limit is {limits.MaxQueuedJobsPerUser} at once.");
        if (pending.Count + requests.Count > limits.MaxQueuedJobs)
            throw new ForbiddenActionException($"The explorer already has {pending.Count} jobs queued or running; try again when some finish.");
        var audit = Get<AuditLog>();
        var jobs = new List<TrainingJob>(requests.Count);
        foreach (var request in requests)
        {
            var job = queue.Enqueue(request with { Owner = actor.Name });
            audit.Append(actor.Name, AuditActions.TrainingQueued, job.Id, after: request.Title);
            jobs.Add(job);
        }
        return jobs;
    }

    public async Task<bool> CancelAsync(string jobId)
    {
        var actor = await current.GetAsync();
        var queue = Get<TrainingQueue>();
        var job = queue.Find(jobId) ?? throw new ForbiddenActionException($"There is no job '{jobId}'.");
        if (!CanCancel(actor, job))
            throw new ForbiddenActionException(actor.Can(Permission.CancelOwnJob)
                ? "You can cancel only the jobs you queued." : "Your role cannot cancel jobs; sign in as an analyst.");
        string before = job.Status.ToString();
        bool cancelled = queue.Cancel(jobId);
        if (cancelled) Get<AuditLog>().Append(actor.Name, AuditActions.TrainingCancelled, job.Id, before, JobStatus.Cancelled.ToString());
        return cancelled;
    }

    public async Task RenameNeuronAsync(ExploredSae sae, int neuron, string? name)
    {
        var actor = await Require(Permission.RenameNeuron, "rename neurons");
        string? before = sae.NameOf(neuron)?.Name;
        Get<ConceptCatalog>().Rename(sae, neuron, name);
        Get<AuditLog>().Append(actor.Name, AuditActions.NeuronRenamed, $"{sae.Run.Id}/{neuron}", before, sae.NameOf(neuron)?.Name);
    }

    /// <summary>
    /// Saves an experiment under the signed-in name (whatever the caller put in <see cref="Experiment.Author"/>) as a draft
    /// proposal, with the guardrail count and pushed-out items the lab measured.
    /// </summary>
    public async Task<Experiment> SaveExperimentAsync(Experiment experiment, int guardrailFlagged = 0, IReadOnlyList<int>? pushedOutItems = null)
    {
        var actor = await Require(Permission.SaveExperiment, "save experiments");
        var saved = Get<RunCatalog>().SaveExperiment(experiment with { Author = actor.Name });
        Get<AuditLog>().Append(actor.Name, AuditActions.ExperimentSaved, saved.Id, after: saved.Summary);
        Get<ProposalService>().CreateDraft(saved, guardrailFlagged, pushedOutItems ?? []);
        return saved;
    }

    public async Task<Proposal> MoveProposalAsync(string experimentId, ProposalStatus to, string? comment) =>
        Get<ProposalService>().Move(await current.GetAsync(), experimentId, to, comment);

    public async Task<SpecImport> ImportSpecAsync(string json, string targetSaeRunId) =>
        Get<ProposalService>().ImportSpec(await current.GetAsync(), json, targetSaeRunId);

    /// <summary>Deletes a run unless something still points at it (its SAE runs, proposals made on it): then nothing is deleted.</summary>
    public async Task DeleteRunAsync(string runId)
    {
        var actor = await Require(Permission.DeleteRun, "delete runs");
        var run = Get<RunCatalog>().Find(runId) ?? throw new ForbiddenActionException($"There is no run '{runId}'.");
        if (Get<RunCatalog>().DeleteUnreferenced(run.Id) is { } refusal) throw new ForbiddenActionException(refusal);
        Get<AuditLog>().Append(actor.Name, AuditActions.RunDeleted, run.Id, before: $"{run.Kind} {run.Model} on {run.DatasetName}", after: "deleted");
    }

    // Accounts: the same service as `recsae users`, behind the ManageUsers permission; its refusals reach the page as messages.
    public async Task<IReadOnlyList<AccountSummary>> ListAccountsAsync()
    {
        await Require(Permission.ManageUsers, "manage users");
        return Get<AccountAdministration>().List();
    }

    public Task AddAccountAsync(string name, string role, string password) =>
        Administer((actor, accounts) => accounts.AddAsync(actor, name, role, password));

    public Task ChangeRoleAsync(string name, string role) =>
        Administer((actor, accounts) => accounts.ChangeRoleAsync(actor, name, role));

    public Task ResetPasswordAsync(string name, string password) =>
        Administer((actor, accounts) => accounts.ResetPasswordAsync(actor, name, password));

    public Task RemoveAccountAsync(string name) =>
        Administer((actor, accounts) => accounts.RemoveAsync(actor, name));

    public Task RevokeApiTokenAsync(string name) =>
        Administer((actor, accounts) => accounts.SetApiTokenAsync(actor, name, revoke: true));

    private async Task Administer(Func<string, AccountAdministration, Task> change)
    {
        var actor = await Require(Permission.ManageUsers, "manage users");
        try
        {
            await change(actor.Name, Get<AccountAdministration>());
        }
        catch (AccountRefusedException refused)
        {
            throw new ForbiddenActionException(refused.Message);
        }
    }

    private async Task<Actor> Require(Permission permission, string what)
    {
        var actor = await current.GetAsync();
        if (!actor.Can(permission))
            throw new ForbiddenActionException($"Your role ({actor.Role ?? "none"}) cannot {what}; it needs {PermissionMatrix.MinimumRole(permission)}.");
        return actor;
    }

    private T Get<T>() where T : notnull => services.GetRequiredService<T>();
}
