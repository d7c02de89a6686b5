using BacklogJira.Testing;
using BacklogMcp.Core.Files;

namespace BacklogMcp.Core.Tests;

public class DownloadRootTests
{
    [Theory]
    [InlineData("../../escaped.txt", "escaped.txt")]
    [InlineData("..%2F..%2Fescaped.txt", "%2F..%2Fescaped.txt")]
    [InlineData("a\\b\\c.png", "c.png")]
    [InlineData("...hidden", "hidden")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("what?*.pdf", "what__.pdf")]
    [InlineData("", "attachment")]
    [InlineData("..", "attachment")]
    [InlineData("設計書.pdf", "設計書.pdf")]
    public void Server_names_become_safe_single_names(string name, string expected) => SafeFileName.From(name).ShouldBe(expected);

    [Fact]
    public void Long_names_keep_their_extension_within_200_bytes()
    {
        var name = SafeFileName.From(new string('長', 300) + ".pdf");
        System.Text.Encoding.UTF8.GetByteCount(name).ShouldBeLessThanOrEqualTo(200);
        name.ShouldEndWith(".pdf");
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("~/x")]
    [InlineData("../outside")]
    [InlineData("a/../../outside")]
    public void Folders_outside_the_root_are_refused(string relative)
    {
        using var dir = new TempDirectory("bmcp-root");
        var root = new DownloadRoot(dir.Combine("root"));
        Should.Throw<DownloadPathException>(() => root.Directory(relative)).Message.ShouldContain(root.Root);
        Directory.Exists(dir.Combine("outside")).ShouldBeFalse();
    }

    [Fact]
    public void A_folder_inside_is_created_and_an_existing_file_needs_overwrite()
    {
        using var dir = new TempDirectory("bmcp-root");
        var root = new DownloadRoot(dir.Combine("root"));
        var folder = root.Directory("PROJ-1/attachments");
        folder.ShouldBe(Path.Combine(root.Root, "PROJ-1", "attachments"));
        var path = root.File(folder, "../../report.pdf", overwrite: false);
        path.ShouldBe(Path.Combine(folder, "report.pdf"));
        File.WriteAllText(path, "x");
        Should.Throw<DownloadPathException>(() => root.File(folder, "report.pdf", overwrite: false)).Message.ShouldContain("overwrite: true");
        root.File(folder, "report.pdf", overwrite: true).ShouldBe(path);
    }

    [Fact]
    public void A_symbolic_link_leading_outside_is_refused()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory("bmcp-root");
        Directory.CreateDirectory(dir.Combine("root"));
        Directory.CreateDirectory(dir.Combine("elsewhere"));
        Directory.CreateSymbolicLink(dir.Combine("root", "sneaky"), dir.Combine("elsewhere"));
        var root = new DownloadRoot(dir.Combine("root"));
        Should.Throw<DownloadPathException>(() => root.Directory("sneaky/x")).Message.ShouldContain("link");
        Directory.Exists(dir.Combine("elsewhere", "x")).ShouldBeFalse();
    }
}
