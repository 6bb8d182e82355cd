using Faithful.Clients.Connections;
using Faithful.Clients.Redaction;

namespace Faithful.TestAdapter.Tests.Clients;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("Incorrect API key provided: sk-proj-AbCdEf0123456789xyzXYZ. You can find your key at ...")]
    [InlineData("x-api-key sk-ant-api03-AbCdEf0123456789_-xyz was rejected")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh")]
    [InlineData("{\"api_key\": \"0123456789abcdefABCDEF\"}")]
    [InlineData("aws AKIAABCDEFGHIJKLMNOP in a reply")]
    [InlineData("token ghp_0123456789abcdefghijABCDEFGHIJ0123456789")]
    [InlineData("google AIzaSyA-0123456789abcdefghijklmnopqrstu")]
    [InlineData("gh github_pat_0123456789abcdefghijABCDEFGHIJ_0123")]
    [InlineData("slack xoxb-0123456789-abcdefghij")]
    [InlineData("API_KEY=ABCDEFGHIJ0123456789abcd")]
    [InlineData("access-token: abcdefghijklmnop0123")]
    [InlineData("\"Secret_Key\": \"abcdefghijklmnop0123\"")]
    [InlineData("BEARER abcdefghijklmnop0123456789")]
    public void Common_credential_shapes_are_masked_without_configuration(string text)
    {
        var redacted = Redactor.Shapes.Redact(text);

        Assert.Contains(Redactor.Mask, redacted, StringComparison.Ordinal);
        Assert.False(Redactor.Shapes.Finds(redacted), redacted);
    }

    [Fact]
    public void A_configured_key_of_any_shape_is_masked_wherever_it_appears()
    {
        var secrets = SecretSource.FromValues([new("AZURE_OPENAI_API_KEY", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"), new("OPENAI_API_KEY", "short")]);
        var redactor = Redactor.FromSecrets(secrets);

        var text = redactor.Redact("401: key 0a1b2c3d4e5f60718293a4b5c6d7e8f9 is invalid; 'short' is a word");

        Assert.Equal("401: key [REDACTED] is invalid; 'short' is a word", text);
        Assert.Equal(1, redactor.ConfiguredSecrets);
    }

    [Theory]
    [InlineData("{\"caseId\":\"Gen.L5.D1.S0(3,-7)#0\",\"model\":\"openai:gpt-4o-mini\",\"inputs\":[3,-7]}")]
    [InlineData("plan fingerprint 3f2a9c0d1e4b5a6f, sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("s1 = a0 + a1 = 12345678901234\nFinal answer: 12345678901234")]
    [InlineData("the key-value store and the skeleton sk-ipped")]
    public void Ordinary_run_text_is_left_alone(string text)
    {
        var redactor = new Redactor(["12345678901234", "sk-test-0123456789abcdefSECRET"]);

        Assert.Equal(text, redactor.Redact(text));
    }

    [Fact]
    public void Redaction_is_linear_on_hostile_text()
    {
        var hostile = "sk-" + new string('a', 15) + string.Concat(Enumerable.Repeat(" bearer " + new string('b', 15), 20_000));

        var redacted = Redactor.Shapes.Redact(hostile);

        Assert.Equal(hostile, redacted);
    }
}
