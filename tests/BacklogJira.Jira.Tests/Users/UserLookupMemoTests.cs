using BacklogJira.Core.Ports;
using BacklogJira.Jira.Users;
using BacklogJira.Testing;

namespace BacklogJira.Jira.Tests.Users;

/// <summary>Issue 15, item 6: a failed user lookup is asked again; "no such user" is kept for minutes, not a session.</summary>
public class UserLookupMemoTests
{
    private static readonly JiraUser Ann = new("1", null, null, "Ann", null, true, null);

    [Fact]
    public async Task A_failed_lookup_is_asked_again_and_a_found_user_is_kept()
    {
        var memo = new UserLookupMemo(new OffsetClock());
        var calls = 0;
        Task<JiraUser?> Failing(string _) { calls++; return Task.FromException<JiraUser?>(new TimeoutException("Jira did not answer")); }
        Task<JiraUser?> Found(string _) { calls++; return Task.FromResult<JiraUser?>(Ann); }

        await Should.ThrowAsync<TimeoutException>(() => memo.GetAsync("@ann", Failing));
        (await memo.GetAsync("ann", Found)).ShouldBe(Ann);
        (await memo.GetAsync("ANN", Found)).ShouldBe(Ann);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task No_such_user_is_asked_again_after_a_while()
    {
        var clock = new OffsetClock();
        var memo = new UserLookupMemo(clock);
        var exists = false;
        var calls = 0;
        Task<JiraUser?> LookUp(string _) { calls++; return Task.FromResult(exists ? Ann : null); }

        (await memo.GetAsync("zoe", LookUp)).ShouldBeNull();
        exists = true;
        (await memo.GetAsync("zoe", LookUp)).ShouldBeNull("kept for a few minutes");
        clock.Offset = UserLookupMemo.NotFoundFor + TimeSpan.FromSeconds(1);
        (await memo.GetAsync("zoe", LookUp)).ShouldBe(Ann);
        calls.ShouldBe(2);
    }
}
