using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Core.InformationSystem;

/// <summary>
/// Who this information system is (Decree 137 Art. 5.1.a: "name of the information system, name of the
/// information system's administrator"): printed on every paper copy and shown on the public pages.
/// </summary>
public sealed class InformationSystemOptions
{
    public const int MaxLength = 200;

    [ConfigurationKeyName("INFORMATION_SYSTEM_NAME")]
    [Required(AllowEmptyStrings = false)]
    [StringLength(MaxLength, ErrorMessage = "must be at most {1} characters")]
    public string Name { get; set; } = "";

    [ConfigurationKeyName("INFORMATION_SYSTEM_ADMINISTRATOR")]
    [Required(AllowEmptyStrings = false)]
    [StringLength(MaxLength, ErrorMessage = "must be at most {1} characters")]
    public string Administrator { get; set; } = "";
}
